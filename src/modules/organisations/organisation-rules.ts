/** Brand and processor names are compared the way people read them: case and surrounding space do not count. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** Index of the first name that repeats an existing name or an earlier one in the list, or -1. */
export function findRepeatedName(existing: readonly string[], candidates: readonly string[]): number {
  const seen = new Set(existing.map(nameKey));
  for (let i = 0; i < candidates.length; i += 1) {
    const key = nameKey(candidates[i]!);
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}
