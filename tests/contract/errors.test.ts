// toCloudError: every kind of call failure becomes one CloudError with a code and a message.
import { describe, expect, it } from 'vitest';

import { CloudError, ErrorCode, isCloudError, toCloudError } from '../../contract/errors';

function sdkRejection(code: unknown, message: string): Error {
  const error = new Error(`${code}:::${message}`) as Error & { code: unknown; msg: string };
  error.code = code;
  error.msg = message;
  return error;
}

interface Case {
  name: string;
  failure: unknown;
  code: string;
  message: string | RegExp;
  field?: string;
}

const cases: Case[] = [
  {
    name: 'SDK business code',
    failure: sdkRejection('SOLD_OUT', 'The item is sold out.'),
    code: 'SOLD_OUT',
    message: 'The item is sold out.',
  },
  {
    name: 'SDK invalid input',
    failure: sdkRejection('INVALID_INPUT', 'input.items.0.title: Too big'),
    code: ErrorCode.INVALID_INPUT,
    message: 'input.items.0.title: Too big',
    field: 'items.0.title',
  },
  {
    name: 'SDK root input error',
    failure: sdkRejection('INVALID_INPUT', 'input: expected an object, received null'),
    code: ErrorCode.INVALID_INPUT,
    message: 'input: expected an object, received null',
  },
  {
    name: 'SDK session expired',
    failure: sdkRejection('904', 'Session过期'),
    code: ErrorCode.SESSION_EXPIRED,
    message: 'Session过期',
  },
  {
    name: 'SDK network failure',
    failure: sdkRejection('500', '客户端网络错误,请稍后重试'),
    code: ErrorCode.NETWORK,
    message: '客户端网络错误,请稍后重试',
  },
  {
    name: 'SDK code 500 from a function',
    failure: sdkRejection('500', 'Cannot read properties of undefined'),
    code: ErrorCode.INTERNAL,
    message: 'Cannot read properties of undefined',
  },
  {
    name: 'SDK code without message prefix',
    failure: Object.assign(new Error('No favorite.'), { code: 'NOT_FOUND' }),
    code: 'NOT_FOUND',
    message: 'No favorite.',
  },
  {
    name: 'SDK plain object',
    failure: { code: '500', message: '本次请求内容过长，请控制在1M以内' },
    code: ErrorCode.NETWORK,
    message: '本次请求内容过长，请控制在1M以内',
  },
  {
    name: 'runtime login failure',
    failure: sdkRejection(-1, 'user not login, handler = list'),
    code: ErrorCode.NOT_LOGGED_IN,
    message: 'The handler "list" needs a logged-in user: log in and try again.',
  },
  {
    name: 'runtime unknown handler',
    failure: new Error('the handler = purge not found'),
    code: ErrorCode.UNKNOWN_HANDLER,
    message: /no handler "purge"/,
  },
  {
    name: 'wrapper failure',
    failure: { success: false, errorCode: 'SOLD_OUT', errorMessage: 'Sold out.', result: '' },
    code: 'SOLD_OUT',
    message: 'Sold out.',
  },
  {
    name: 'wrapper login failure',
    failure: { success: false, errorCode: -1, errorMessage: 'user not login, handler = add' },
    code: ErrorCode.NOT_LOGGED_IN,
    message: /"add"/,
  },
  {
    name: 'wrapper user code error',
    failure: { success: false, errorCode: -2, errorMessage: 'x is not defined' },
    code: ErrorCode.INTERNAL,
    message: 'x is not defined',
  },
  {
    name: 'SDK not initialized',
    failure: new Error('请先调用cloud.init()'),
    code: ErrorCode.INTERNAL,
    message: '请先调用cloud.init()',
  },
  {
    name: 'message with stack lines',
    failure: sdkRejection('BROKEN', 'Failed.\n    at handler (index.js:1:1)\n    at run (b.js)'),
    code: 'BROKEN',
    message: 'Failed.',
  },
  {
    name: 'string failure',
    failure: 'SOLD_OUT:::Sold out.',
    code: 'SOLD_OUT',
    message: 'Sold out.',
  },
  {
    name: 'undefined failure',
    failure: undefined,
    code: ErrorCode.INTERNAL,
    message: /unknown reason/,
  },
];

describe('toCloudError', () => {
  for (const testCase of cases) {
    it(`converts ${testCase.name}`, () => {
      const error = toCloudError(testCase.failure);

      expect(error).toBeInstanceOf(CloudError);
      expect(error.code).toBe(testCase.code);
      expect(error.message).toMatch(testCase.message);
      expect(error.field).toBe(testCase.field);
    });
  }

  it('returns a CloudError unchanged', () => {
    const error = new CloudError('SOLD_OUT', 'Sold out.');

    expect(toCloudError(error)).toBe(error);
  });

  it('copies a foreign CloudError', () => {
    const foreign = { name: 'CloudError', code: 'SOLD_OUT', message: 'Sold out.', field: 'sku' };

    const error = toCloudError(foreign);

    expect(error).toBeInstanceOf(CloudError);
    expect(error.field).toBe('sku');
  });
});

describe('isCloudError', () => {
  it('accepts CloudError shapes only', () => {
    expect(isCloudError(new CloudError('X', 'x'))).toBe(true);
    expect(isCloudError({ name: 'CloudError', code: 'X', message: 'x' })).toBe(true);
    expect(isCloudError(new Error('x'))).toBe(false);
    expect(isCloudError({ name: 'CloudError', code: 1 })).toBe(false);
    expect(isCloudError(null)).toBe(false);
  });
});
