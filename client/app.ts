// The host app: creates the cloud SDK once and puts it on the App object, where pages read it
// with `const { cloud } = getApp()` (typed by utils/app.ts).
import cloud from '@tbmp/mp-cloud-sdk';

import './utils/app';

App({
  cloud,

  onLaunch() {
    // In @tbmp/mp-cloud-sdk 1.5.10, init sets up every service before it returns its promise,
    // so pages may call functions at once; the promise resolves false on failure and never
    // rejects. __CLOUD_ENV__ is the build's --env (test, pre or online).
    void cloud.init({ env: __CLOUD_ENV__ });
  },
});
