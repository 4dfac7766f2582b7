// Constants the build compiles into client and plugin code, from starter.config.ts and --env.
// The same names in .axml and .json files are replaced with their values.

/** The cloud environment passed to cloud.init: "test", "pre" or "online". */
declare const __CLOUD_ENV__: 'test' | 'pre' | 'online';
/** The plugin's id on the open platform. */
declare const __PLUGIN_ID__: string;
/** The alias the host uses for the plugin in plugin:// paths and requirePlugin(). */
declare const __PLUGIN_ALIAS__: string;
