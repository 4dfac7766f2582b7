// index: the home page. It greets through the hello cloud function, hands the host's cloud to
// the plugin, and shows the plugin's public component twice: statically (plugin:// in
// index.json) and dynamically (my.loadPlugin, then dynamic-plugin:// behind a:if).
import { errorMessage, http } from '../../utils/http';
import { loadDynamicPlugin, requireStarterPlugin } from '../../utils/plugin';

Page({
  data: {
    visitorName: 'Taobao',
    greeting: '',
    greetingError: '',
    dynamicLoading: true,
    dynamicReady: false,
    dynamicError: '',
    /** The greeting the plugin's card passed back through onGreet. */
    cardGreeting: '',
  },

  onLoad() {
    const { cloud } = getApp();
    requireStarterPlugin().setCloud(cloud);

    this.loadGreeting();
    this.loadPlugin();
  },

  loadGreeting() {
    // The request-object form of the typed client; `callback` runs beside the promise.
    http({
      invokeName: 'hello',
      parameter: { name: this.data.visitorName },
      loadingText: 'Saying hello...',
      callback: (result) => this.setData({ greeting: result.greeting, greetingError: '' }),
    }).catch((error: unknown) => this.setData({ greetingError: errorMessage(error) }));
  },

  async loadPlugin() {
    this.setData({ dynamicLoading: true, dynamicReady: false, dynamicError: '' });
    try {
      await loadDynamicPlugin();
      this.setData({ dynamicLoading: false, dynamicReady: true });
    } catch (error) {
      this.setData({ dynamicLoading: false, dynamicError: (error as Error).message });
    }
  },

  onRetryPlugin() {
    this.loadPlugin();
  },

  /** The callback prop onGreet of hello-card: called with the greeting the user tapped. */
  onCardGreet(greeting: string) {
    this.setData({ cardGreeting: greeting });
  },

  onOpenPluginPage() {
    my.navigateTo({ url: `plugin://${__PLUGIN_ALIAS__}/welcome` });
  },

  onOpenOrders() {
    my.navigateTo({ url: '/pages/orders/index' });
  },

  onOpenFavorites() {
    my.navigateTo({ url: '/pages/favorites/index' });
  },
});
