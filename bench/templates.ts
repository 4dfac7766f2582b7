// Source templates of the synthetic app, in the starter's shapes: a page that calls its cloud
// function through the typed client, a plugin component with props and methods, and a cloud
// function implementing its contract entry with defineFunction. Each file contains an edit marker
// (`edit-0`) that survives compiling, so the benchmark can tell when an edit reached the output.

/** The Less partial every generated page imports. */
export const THEME_PARTIAL = '_bench-theme.less';

/** The marker in each generated page and component; an edit replaces its number. */
export const EDIT_MARKER = 'edit-0';

/** Returns a page's files by extension: .ts, .axml, .less, .json. */
export function pageFiles(name: string, fn: string): Record<string, string> {
  const ts = `// A generated page: lists the items of cloud function ${fn} and adds new ones.
import { createClient, isCloudError, type CloudLike } from '../../../contract/client';
import type { ResultOf } from '../../../contract/types';

type Item = ResultOf<'${fn}', 'list'>['items'][number];

const client = createClient(() => getApp<{ cloud: CloudLike }>().cloud);

Page({
  data: {
    mark: '${EDIT_MARKER}',
    items: [] as Item[],
    loading: false,
    error: '',
  },

  async onLoad() {
    await this.refresh();
  },

  async refresh() {
    this.setData({ loading: true, error: '' });
    try {
      const { items } = await client.invoke('${fn}', 'list', { limit: 20 });
      this.setData({ items: items.filter((item) => item.count >= 0) });
    } catch (error) {
      this.setData({ error: isCloudError(error) ? error.message : String(error) });
    } finally {
      this.setData({ loading: false });
    }
  },

  async onAdd() {
    const { id } = await client.http({
      invokeName: '${fn}',
      handler: 'add',
      parameter: { title: 'New item' },
      loadingText: 'Saving',
    });
    this.setData({ error: id.length > 0 ? '' : 'not saved' });
    await this.refresh();
  },
});
`;
  const axml = `<view class="page">
  <view class="mark">${EDIT_MARKER}</view>
  <view a:if="{{loading}}" class="hint">Loading</view>
  <view a:elif="{{error}}" class="error">{{error}}</view>
  <view a:for="{{items}}" a:key="id" class="row">
    <text class="title">{{item.title}}</text>
    <text class="count">{{item.count}}</text>
  </view>
  <button class="add" onTap="onAdd">Add</button>
</view>
`;
  const less = `@import '../../styles/${THEME_PARTIAL}';

.page {
  padding: @bench-gap;

  .mark::after {
    content: '${EDIT_MARKER}';
  }

  .row {
    display: flex;
    justify-content: space-between;
    margin-bottom: (@bench-gap / 2);
  }

  .add {
    color: @bench-accent;
  }
}
`;
  const json = `{ "defaultTitle": "${name}" }\n`;
  return { '.ts': ts, '.axml': axml, '.less': less, '.json': json };
}

/** Returns a plugin component's files by extension: .ts, .axml, .less, .json. */
export function componentFiles(name: string): Record<string, string> {
  const ts = `// A generated plugin component: a card that expands and reports taps to its host.
Component({
  props: {
    title: '${name}',
    count: 0,
    onSelect: (_count: number) => undefined as void,
  },

  data: {
    mark: '${EDIT_MARKER}',
    expanded: false,
  },

  methods: {
    onToggle() {
      this.setData({ expanded: !this.data.expanded });
    },

    onTapCard() {
      this.props.onSelect(this.props.count);
    },
  },
});
`;
  const axml = `<view class="card" onTap="onTapCard">
  <text class="title">{{props.title}}</text>
  <view a:if="{{expanded}}" class="body">{{props.count}}</view>
  <button class="toggle" onTap="onToggle">{{expanded ? 'Less' : 'More'}}</button>
</view>
`;
  const less = `.card {
  padding: 12px;
  border-radius: 8px;

  .title {
    font-weight: bold;
  }
}
`;
  return { '.ts': ts, '.axml': axml, '.less': less, '.json': '{ "component": true }\n' };
}

/** Returns a generated cloud function's index.ts. */
export function functionSource(fn: string): string {
  return `// A generated cloud function: items stored in its own collection.
import { CloudError, defineFunction, ErrorCode } from '../../contract/server';

export const { list, add } = defineFunction('${fn}', {
  async list(input, context) {
    const documents = await context.cloud.db.collection('${fn}').find({}, { limit: input.limit });
    const items = documents.map((document) => ({
      id: String(document._id),
      title: String(document.title ?? ''),
      count: Number(document.count ?? 0),
    }));
    return { items };
  },

  async add(input, context) {
    if (!context.openId) throw new CloudError(ErrorCode.NOT_LOGGED_IN, 'log in first');
    const id = await context.cloud.db
      .collection('${fn}')
      .insertOne({ title: input.title, count: 0, owner: context.openId });
    return { id };
  },
});
`;
}

/** Returns the contract export of a generated function, as source text. */
export function contractEntry(fn: string): string {
  return `export const ${fn} = {
  list: handler({
    login: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    result: z.object({
      items: z.array(z.object({ id: z.string(), title: z.string(), count: z.number() })),
    }),
  }),
  add: handler({
    login: true,
    input: z.strictObject({ title: z.string().trim().min(1).max(80) }),
    result: z.object({ id: z.string() }),
  }),
};
`;
}
