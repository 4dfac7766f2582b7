// How the cold build deals the type-checked programs out to worker threads.
import { describe, expect, it } from 'vitest';

import { groupPrograms } from '../../build/typecheck';

const PROGRAMS = ['client', 'plugin', 'server'];

describe('groupPrograms', () => {
  it('uses one worker on two cores', () => {
    expect(groupPrograms(PROGRAMS, 1)).toEqual([['client', 'plugin', 'server']]);
  });

  it('uses one worker without spare cores', () => {
    expect(groupPrograms(PROGRAMS, 0)).toEqual([['client', 'plugin', 'server']]);
  });

  it('checks the client alone', () => {
    expect(groupPrograms(PROGRAMS, 2)).toEqual([['client'], ['plugin', 'server']]);
  });

  it('caps workers at one per program', () => {
    expect(groupPrograms(PROGRAMS, 7)).toEqual([['client'], ['plugin'], ['server']]);
  });
});
