// Tasks started through outsideDomain run with no active domain, and the domain gulp entered
// is active again once the task has started.
import domain from 'node:domain';

import { describe, expect, it } from 'vitest';

import { outsideDomain } from '../../build/gulp-domain';

type WithDomain = { domain?: domain.Domain | null };

describe('outsideDomain', () => {
  it('starts the task with no active domain and enters the domain again', async () => {
    const gulpDomain = domain.create();
    const seen: { during?: unknown; later?: unknown; after?: unknown } = {};
    const result = gulpDomain.run(() => {
      const promise = outsideDomain(async () => {
        seen.during = (process as WithDomain).domain;
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.later = (process as WithDomain).domain;
        return 'built';
      });
      seen.after = (process as WithDomain).domain;
      return promise;
    });

    await expect(result).resolves.toBe('built');
    expect(seen.during).toBeFalsy();
    expect(seen.later).toBeFalsy();
    expect(seen.after).toBe(gulpDomain);
  });

  it('passes a failure on to the caller', async () => {
    await expect(outsideDomain(() => Promise.reject(new Error('broken')))).rejects.toThrow(
      'broken',
    );
  });
});
