/**
 * Memoises a string → string function in a bounded map: news repeats its words and
 * names, so normalising each once pays. The map is emptied when it reaches `limit`.
 */
export function memoizeString(fn: (s: string) => string, limit = 100_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s: string) => {
    let value = cache.get(s);
    if (value === undefined) {
      value = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, value);
    }
    return value;
  };
}
