// A build folder with one compiled cloud function, `shop`, run by the real local runtime
// (faas-mini-app with the local cloud), for the bridge tests.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';

const shopIndex = `'use strict';
exports.greet = async (context) => ({
  message: 'Hello, ' + context.data.name,
  openId: context.openId || null,
});
exports.whoami = async (context) => ({ openId: context.openId, mixNick: context.mixNick });
exports.outOfStock = async () => {
  const error = new Error('stock is empty');
  error.name = 'BusinessError';
  error.code = 'STOCK_EMPTY';
  throw error;
};
exports.crash = async () => {
  throw new Error('boom');
};
exports.size = async (context) => ({ length: context.data.text.length });
exports.nothing = async () => null;
exports.createdAt = async () => ({ at: new Date(Date.UTC(2024, 0, 2)), missing: undefined });
`;

const shopPackage = {
  name: 'shop',
  main: 'index.js',
  sdkVersion: '*',
  config: { notNeedLogin: ['greet', 'outOfStock', 'crash', 'size', 'nothing', 'createdAt'] },
};

export interface ShopBuild {
  distDir: string;
  runtime: LocalRuntime;
}

export async function createShopBuild(): Promise<ShopBuild> {
  const distDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bridge-dist-'));
  const functionDir = path.join(distDir, 'server/shop');
  await fs.mkdir(functionDir, { recursive: true });
  await fs.writeFile(path.join(functionDir, 'index.js'), shopIndex);
  await fs.writeFile(path.join(functionDir, 'package.json'), JSON.stringify(shopPackage));

  return { distDir, runtime: createLocalRuntime({ distDir }) };
}
