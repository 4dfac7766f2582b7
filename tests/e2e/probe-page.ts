// A page added to a temporary copy of the starter. It calls the `hello` cloud function through
// the typed client (contract/client.ts), the call path pages are meant to use, so a test can
// drive page event -> typed client -> SDK -> bridge -> runtime -> function -> page data.

export const probeRoute = 'pages/e2e-probe/index';

const probePageSource = `import { createClient, isCloudError } from '../../../contract/client';
import type { CloudLike } from '../../../contract/client';

const client = createClient(() => getApp<{ cloud: CloudLike }>().cloud);

Page({
  data: { greeting: '', env: '', errorCode: '', errorMessage: '' },
  async onGreet(event: { detail: { value: string } }) {
    try {
      const result = await client.invoke('hello', 'main', { name: event.detail.value });
      this.setData({ greeting: result.greeting, env: result.env, errorCode: '' });
    } catch (error) {
      if (!isCloudError(error)) throw error;
      this.setData({ greeting: '', errorCode: error.code, errorMessage: error.message });
    }
  },
});
`;

export const probePageFiles: Record<string, string> = {
  'client/pages/e2e-probe/index.ts': probePageSource,
  'client/pages/e2e-probe/index.axml': `<view>
  <input onConfirm="onGreet" />
  <text>{{greeting}} {{env}} {{errorCode}}</text>
</view>
`,
  'client/pages/e2e-probe/index.json': '{ "defaultTitle": "Probe" }\n',
};
