/** Edit distance (Levenshtein), giving up and returning `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The words of `choices` nearest to `word` (distance ≤ max(1, a third of its length)), best first. */
export function nearestWords(word: string, choices: readonly string[], count = 3): string[] {
  const lower = word.toLowerCase();
  const max = Math.max(1, Math.floor(lower.length / 3));
  return choices
    .map((choice) => ({ choice, d: editDistance(lower, choice, max) }))
    .filter((x) => x.d <= max || (lower.length >= 3 && x.choice.startsWith(lower)))
    .sort((x, y) => x.d - y.d)
    .slice(0, count)
    .map((x) => x.choice);
}

/** `Did you mean "x"? ` or '' */
export function didYouMean(word: string, choices: readonly string[]): string {
  const near = nearestWords(word, choices, 2);
  return near.length ? `Did you mean ${near.map((w) => `"${w}"`).join(' or ')}? ` : '';
}
