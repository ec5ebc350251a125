import { randomBytes } from 'node:crypto';

// No 0/O, 1/I/L or U: a reference is read aloud over the phone and typed from paper.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A readable, unguessable report reference such as `MLD-7KQ3-M9XD` (about 39 bits of randomness). */
export function newReportReference(random: (size: number) => Buffer = randomBytes): string {
  const chars = Array.from(random(8), (byte) => alphabet[byte % alphabet.length]).join('');
  return `MLD-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export function isReportReference(value: string): boolean {
  return /^MLD-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/.test(value);
}
