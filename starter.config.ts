// What a new project changes first. `npm run build` validates every value here and stops with
// the key and the reason when one is wrong.
import { defineConfig } from './build/config';

export default defineConfig({
  plugin: {
    // The plugin's id on the open platform (the app id of the plugin, 16 digits). Used for
    // my.loadPlugin and dynamic-plugin:// paths, and as the static plugin's provider.
    id: '3000000000000000',
    // The name the host uses for the plugin: plugin://<alias>/... and requirePlugin('<alias>').
    alias: 'starterPlugin',
    // The plugin version the host's app.json requests: 'dev' while developing in a plugin project.
    version: 'dev',
  },

  cloud: {
    // The cloud environment `npm run dev` compiles into cloud.init. A release build names its
    // own with --env (the `build` script passes --env online).
    devEnv: 'test',
  },

  backend: {
    // The OMS backend reached through the omsBase cloud function. The domain must be on the
    // app's HTTP whitelist (open platform console), written exactly as there.
    domain: 'oms.example.com',
    // Every request path starts with this prefix.
    pathPrefix: '/oms-web-api',
    // The only API paths (after the prefix) that omsHttp forwards.
    paths: ['/orders/list', '/orders/detail'],
    // Time limit for one backend request, in milliseconds.
    timeoutMs: 5000,
    // Largest request body omsHttp forwards, in bytes of JSON.
    maxBodyBytes: 65536,
  },

  local: {
    // Where the local cloud sends requests for each whitelisted domain (`npm run invoke`).
    // Start the mock backend with `npm run mock-oms`.
    backends: { 'oms.example.com': 'http://127.0.0.1:4010' },
  },
});
