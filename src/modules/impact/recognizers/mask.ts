export const MASK_CHAR = '•';

const ALPHANUMERIC = /[\p{L}\p{N}]/u;

/**
 * Replaces letters and digits between the first `keepStart` and the last `keepEnd` of them with the
 * mask character; separators (spaces, dots, dashes, @) stay so the value keeps its recognisable layout.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  const total = chars.filter((c) => ALPHANUMERIC.test(c)).length;
  const keepAll = keepStart + keepEnd >= total;
  let seen = 0;
  return chars
    .map((c) => {
      if (!ALPHANUMERIC.test(c)) return c;
      seen += 1;
      if (keepAll && total > 2) return seen === 1 ? c : MASK_CHAR;
      if (keepAll) return MASK_CHAR;
      return seen <= keepStart || seen > total - keepEnd ? c : MASK_CHAR;
    })
    .join('');
}

/** Keeps the first letter of each word and shows three mask characters for the rest. */
export function maskWords(value: string): string {
  return value
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((word) => {
      const first = Array.from(word)[0] ?? '';
      return Array.from(word).length > 1 ? `${first}${MASK_CHAR.repeat(3)}` : first;
    })
    .join(' ');
}
