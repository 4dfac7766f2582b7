// Templates of a page of the host app (client/pages/<name>) or of the plugin
// (plugin/pages/<name>). Classes carry the page's name, so pages never share a rule by chance.
import { lines, titleOf } from './text';

/** The four source files of a page or component folder. */
export interface FolderFiles {
  ts: string;
  axml: string;
  less: string;
  json: string;
}

export interface PageOptions {
  /** The header comment's text after "<name>: ", for example how the page is opened. */
  summary: string;
  /** A Less file to import, relative to the page folder, e.g. the shared page layout. */
  styleImport?: string;
  /** True for a plugin page, whose ACSS supports only class and id selectors. */
  inPlugin: boolean;
}

/** Builds the four files of a page. */
export function pageFiles(name: string, options: PageOptions): FolderFiles {
  const title = titleOf(name);
  return {
    ts: lines(
      `// ${name}: ${options.summary}.`,
      'Page({',
      '  data: {',
      `    title: '${title}',`,
      '  },',
      '',
      '  onLoad() {',
      "    // Load the page's data here and show it with this.setData({ ... }).",
      '  },',
      '});',
    ),
    axml: lines(
      `<view class="${options.inPlugin ? name : 'page'}">`,
      `  <view class="${name}-title">{{title}}</view>`,
      '</view>',
    ),
    less: pageStyle(name, options),
    json: lines('{', `  "defaultTitle": "${title}"`, '}'),
  };
}

function pageStyle(name: string, options: PageOptions): string {
  const header = options.inPlugin ? [PLUGIN_ACSS_NOTE] : [];
  const imported = options.styleImport ? [`@import '${options.styleImport}';`, ''] : [];
  const container = options.inPlugin ? [`.${name} {`, '  padding: 24rpx;', '}', ''] : [];
  return lines(
    ...header,
    ...imported,
    ...container,
    `.${name}-title {`,
    '  font-size: 36rpx;',
    '  font-weight: bold;',
    '}',
  );
}

/** The first line of every plugin Less file. */
export const PLUGIN_ACSS_NOTE =
  '// Plugin ACSS: class and id selectors only, the only kinds the platform applies in a plugin.';
