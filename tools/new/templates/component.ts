// Templates of a component of the host app (client/components/<name>) or of the plugin
// (plugin/components/<name>). Classes carry the component's name.
import { PLUGIN_ACSS_NOTE, type FolderFiles } from './page';
import { lines, titleOf } from './text';

export interface ComponentOptions {
  /** The header comment after "<name>: ", one or two lines: how the component is used. */
  summary: string[];
  /** True for a plugin component, whose ACSS supports only class and id selectors. */
  inPlugin: boolean;
}

/** Builds the four files of a component. */
export function componentFiles(name: string, options: ComponentOptions): FolderFiles {
  const [first, ...rest] = options.summary;
  return {
    ts: lines(
      `// ${name}: ${first}`,
      ...rest.map((line) => `// ${line}`),
      'Component({',
      '  props: {',
      `    title: '${titleOf(name)}',`,
      '  },',
      '',
      '  data: {},',
      '',
      '  methods: {},',
      '});',
    ),
    axml: lines(`<view class="${name}">{{props.title}}</view>`),
    less: lines(
      ...(options.inPlugin ? [PLUGIN_ACSS_NOTE] : []),
      `.${name} {`,
      '  display: block;',
      '}',
    ),
    json: lines('{', '  "component": true', '}'),
  };
}
