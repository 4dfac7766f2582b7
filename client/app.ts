import cloud from '@tbmp/mp-cloud-sdk';

App({
  cloud,
  async onLaunch() {
    await cloud.init({ env: __CLOUD_ENV__ });
  },
});
