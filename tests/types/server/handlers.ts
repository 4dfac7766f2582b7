// Compile-time checks of `defineFunction` as `server/<fn>/index.ts` uses it.
import { CloudError, defineFunction } from '../../../contract/server';

export const { main } = defineFunction('hello', {
  main: async (input, context) => {
    const name: string | undefined = input.name;
    return { greeting: `Hello, ${name ?? 'guest'}`, env: context.env ?? 'test' };
  },
});

export const favorites = defineFunction('favorites', {
  list: async (input) => {
    // The default of `limit` is filled in, so the handler gets a number.
    const limit: number = input.limit;
    return { items: [].slice(0, limit) };
  },
  add: async (input) => {
    const note: string = input.note;
    return { id: 'f1', title: input.title, note, createdAt: 1, updatedAt: 1 };
  },
  update: async (input) => {
    if (!input.id) throw new CloudError('FAVORITE_NOT_FOUND', 'No favorite with that id.');
    return { updated: true };
  },
  remove: async () => ({ removed: true }),
});

export const typedRuntimeHandler: Promise<{ removed: boolean }> = favorites.remove({
  cloud: undefined as never,
  data: { id: 'f1' },
});

// @ts-expect-error: there is no cloud function "helo".
defineFunction('helo', { main: async () => ({}) });

// @ts-expect-error: favorites.remove is missing.
defineFunction('favorites', {
  list: async () => ({ items: [] }),
  add: async (input) => ({ id: 'f1', title: input.title, note: '', createdAt: 1, updatedAt: 1 }),
  update: async () => ({ updated: true }),
});

defineFunction('hello', {
  main: async () => ({ greeting: 'hi', env: 'test' }),
  // @ts-expect-error: "extra" is not a handler of hello in the contract.
  extra: async () => ({}),
});

defineFunction('hello', {
  // @ts-expect-error: the result needs "env".
  main: async () => ({ greeting: 'hi' }),
});

defineFunction('hello', {
  // @ts-expect-error: "greeting" is a string.
  main: async () => ({ greeting: 42, env: 'test' }),
});

defineFunction('omsBase', {
  omsHttp: async (input) => {
    // @ts-expect-error: omsHttp's input has no "url".
    const url: string = input.url;
    return url;
  },
});

defineFunction('favorites', {
  list: async () => ({ items: [] }),
  add: async (input) => ({ id: 'f1', title: input.title, note: '', createdAt: 1, updatedAt: 1 }),
  // @ts-expect-error: a handler gets the input, not a number.
  update: async (input: number) => ({ updated: input > 0 }),
  remove: async () => ({ removed: true }),
});
