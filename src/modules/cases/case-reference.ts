/** References read `BD-2026-0001`: the year the case was opened and a number counting up within it. */
export function referencePrefix(year: number): string {
  return `BD-${year}-`;
}

export function nextReference(year: number, last: string | undefined): string {
  const prefix = referencePrefix(year);
  const lastNumber = last?.startsWith(prefix) ? Number.parseInt(last.slice(prefix.length), 10) : 0;
  const next = Number.isFinite(lastNumber) ? lastNumber + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
