// The path keys of setData and $spliceData: 'a.b[2].c' names data.a.b[2].c.

type PathStep = string | number;

/** Splits a path key into property names and array indexes, or throws naming the key. */
export function parseDataPath(key: string): PathStep[] {
  const steps: PathStep[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = '';

  for (const match of key.matchAll(pattern)) {
    const separator = key.slice(consumed.length, match.index);
    const isIndex = match[2] !== undefined;
    const expected = steps.length === 0 || isIndex ? '' : '.';
    if (separator !== expected || (isIndex && steps.length === 0)) break;

    steps.push(isIndex ? Number(match[2]) : match[1]);
    consumed = key.slice(0, match.index + match[0].length);
  }

  if (consumed !== key || steps.length === 0) {
    throw new Error(
      `setData: invalid path key '${key}'. Use property names and [index], as in 'a.b[2].c'.`,
    );
  }
  return steps;
}

/**
 * Sets `value` at `steps` inside `root`, creating missing objects (or arrays, before an index)
 * on the way, as the platform's setData does.
 */
export function setAtPath(
  root: Record<string, unknown>,
  steps: PathStep[],
  value: unknown,
  createContainer: (forIndex: boolean) => Record<string | number, unknown>,
): void {
  let container = root as Record<string | number, unknown>;

  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i];
    const next = container[step];
    if (next === null || typeof next !== 'object') {
      container[step] = createContainer(typeof steps[i + 1] === 'number');
    }
    container = container[step] as Record<string | number, unknown>;
  }

  container[steps[steps.length - 1]] = value;
}

/** Reads the value at `steps`, or undefined when a step is missing. */
export function getAtPath(root: unknown, steps: PathStep[]): unknown {
  let current = root as Record<string | number, unknown> | undefined;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[step] as Record<string | number, unknown> | undefined;
  }
  return current;
}
