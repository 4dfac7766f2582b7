// The contract: every cloud function, its handlers, their input and result shapes, and whether
// they need a logged-in user. Client, plugin and server all compile against this one file.
//
// Each exported value is one cloud function, named as its folder under server/. Keep shared
// schemas unexported (types may be exported). One export per function lets the type checker
// read only the functions a file calls, so checking a page stays fast however many there are.
// Client and plugin code imports this file with `import type` only, so zod stays on the server.
import { z } from 'zod';

import { handler } from './define';

const favorite = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const title = z.string().trim().min(1).max(80);
const note = z.string().max(500);
const favoriteId = z.string().min(1).max(64);

export const hello = {
  main: handler({
    login: false,
    input: z.strictObject({ name: z.string().trim().min(1).max(40).optional() }),
    result: z.object({ greeting: z.string(), env: z.string() }),
  }),
};

export const omsBase = {
  omsHttp: handler({
    login: true,
    input: z.strictObject({
      api: z.string().min(1).max(200),
      method: z.enum(['GET', 'POST']).default('GET'),
      params: z
        .record(z.string().max(100), z.union([z.string().max(200), z.number(), z.boolean()]))
        .optional(),
      body: z.record(z.string().max(100), z.unknown()).optional(),
    }),
    result: z.unknown(),
  }),
};

export const favorites = {
  list: handler({
    login: true,
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    result: z.object({ items: z.array(favorite) }),
  }),
  add: handler({
    login: true,
    input: z.strictObject({ title, note: note.default('') }),
    result: favorite,
  }),
  update: handler({
    login: true,
    input: z.strictObject({ id: favoriteId, title: title.optional(), note: note.optional() }),
    result: z.object({ updated: z.boolean() }),
  }),
  remove: handler({
    login: true,
    input: z.strictObject({ id: favoriteId }),
    result: z.object({ removed: z.boolean() }),
  }),
};

export type Favorite = z.infer<typeof favorite>;
