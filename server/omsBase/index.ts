// The omsBase cloud function: the only way the client and the plugin reach the OMS backend.
// Its handler omsHttp forwards allowed API paths to the configured domain (oms-http.ts,
// path-policy.ts). The backend's address and the caller's identity stay on the server.
import { defineFunction } from '../../contract/server';
import { forwardToOms } from './oms-http';

export const { omsHttp } = defineFunction('omsBase', {
  omsHttp: (input, context) => forwardToOms(input, context),
});
