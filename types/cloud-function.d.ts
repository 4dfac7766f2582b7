// Constants the build compiles into cloud function code, from starter.config.ts.

/** The OMS backend that the omsBase function forwards to. */
declare const __BACKEND__: {
  domain: string;
  pathPrefix: string;
  paths: string[];
  timeoutMs: number;
  maxBodyBytes: number;
};
