// The hello cloud function: a first smoke test that needs no login.
import { defineFunction } from '../../contract/server';

export const { main } = defineFunction('hello', {
  async main(input, context) {
    return { greeting: `Hello, ${input.name ?? 'Taobao'}!`, env: context.env ?? 'unknown' };
  },
});
