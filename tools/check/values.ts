// Small guards for values read from JSON files.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins names for a message: `"a", "b" and "c"`. */
export function quoteList(names: Iterable<string>): string {
  const quoted = [...names].map((name) => `"${name}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
