// The host's App object as pages see it. app.ts puts the cloud SDK on it, and the global
// declaration below declares that, so `const { cloud } = getApp()` is typed in every page.
import type { Cloud } from '@tbmp/mp-cloud-sdk';

/** The fields app.ts adds to the App object. */
export interface StarterApp {
  /** The cloud SDK, initialized in App.onLaunch with the build's cloud env. */
  cloud: Cloud;
}

declare global {
  // @mini-types/alipay (3.0.14) merges this interface into the type of App's `this` and into
  // what getApp() returns.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface IGlobalMiniProgramExtraThis4App extends StarterApp {}
}
