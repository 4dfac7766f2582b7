// mini-runtime: runs the compiled JS of a mini-program (dist/client, dist/plugin) in Node for
// tests, in node:vm contexts, without rendering anything.
//
// Emulated:
// - CommonJS loading inside the target folder: relative, root-relative ('/x') and npm requests
//   (from node_modules inside the folder). Each file is evaluated once. A request that leaves
//   the folder, or names a Node built-in, throws. eval and new Function are disabled.
// - Globals: App, getApp, getCurrentPages (host only), Page, Component, requirePlugin (host),
//   my, console (recorded), timers. A plugin runs in its own context where getApp and
//   getCurrentPages are not defined.
// - `my` is strict: reading an API the test did not stub throws "my.<name> is not stubbed in
//   this test". Every call of a stub is recorded. Callback-style stubs return or throw, and the
//   runtime calls success, fail and complete. stubAll() and stubCloudSdk() cover the usual
//   sets. A plugin shares the host's stubs.
// - App onLaunch/onShow; pages from app.json `pages` opened like navigateTo (onLoad(query),
//   onShow, onReady; onHide, onUnload on the stack); plugin pages by plugin://alias/name.
// - Components in the Component2 style: props over declared defaults, onInit,
//   deriveDataFromProps, didMount, didUpdate(prevProps, prevData), didUnmount; callback props.
// - setData with path keys ('a.b[2].c'), $spliceData; data is copied on write, and tests read
//   copies. setData callbacks and didUpdate run in a later microtask, as after a render.
// - Event objects { type, timeStamp, target, currentTarget, detail } for handlers, and
//   settle(), which waits for stubbed calls and the promises they chain.
//
// Not emulated: AXML and ACSS (nothing is rendered, so no child components, slots, a:if or
// bindings), sjs, mixins, page `events`, navigation APIs (tests call openPage/closePage), the
// platform's data size limits, and timers in settle() (it does not wait for setTimeout).
export { ComponentHandle } from './component';
export type { ConsoleLine } from './console';
export { createEvent, type EventInit, type MiniEvent } from './events';
export { type HostOptions, type LaunchOptions, MiniHost } from './host';
export { type CallbackStub, MyApi, type RawStub, type RecordedCall } from './my-api';
export { PageHandle } from './page';
export { PluginHandle } from './plugin';

import { type HostOptions, MiniHost } from './host';

/** Creates a host runtime for the output folder `options.root`; call launch() next. */
export function createHost(options: HostOptions): MiniHost {
  return new MiniHost(options);
}
