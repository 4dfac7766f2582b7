// hello-card: a public component of the plugin. It greets `name` through the hello cloud
// function and, when tapped, passes the greeting to the host through the callback prop onGreet.
import { invoke, isCloudError } from '../../utils/client';

type Status = 'loading' | 'ready' | 'failed';

Component({
  props: {
    name: '',
    /** Called with the greeting when the user taps the card. */
    onGreet: undefined as ((greeting: string) => void) | undefined,
  },

  data: { status: 'loading' as Status, greeting: '', errorMessage: '' },

  didMount() {
    this.loadGreeting();
  },

  didUpdate(previousProps: { name?: string }) {
    if (previousProps.name !== this.props.name) this.loadGreeting();
  },

  methods: {
    async loadGreeting() {
      this.setData({ status: 'loading', errorMessage: '' });
      try {
        // The card shows its own loading state, so the page-wide indicator stays hidden.
        const name = this.props.name || undefined;
        const result = await invoke('hello', 'main', { name }, { needLoading: false });
        this.setData({ status: 'ready', greeting: result.greeting });
      } catch (error) {
        const message = isCloudError(error) ? error.message : 'The greeting could not be loaded.';
        this.setData({ status: 'failed', errorMessage: message });
      }
    },

    onTapCard() {
      if (this.data.status !== 'ready') return;
      this.props.onGreet?.(this.data.greeting);
    },

    onRetry() {
      this.loadGreeting();
    },
  },
});
