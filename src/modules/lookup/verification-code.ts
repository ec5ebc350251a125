import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Codes printed in the messages, which the incident page checks: a random part and a keyed hash of it under
 * a key derived from the case's data key. Nothing is stored: a code is genuine if its two halves match.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const partBytes = 5;

export function deriveVerificationKey(dataKey: Buffer, caseId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(caseId, 'utf8'), Buffer.from('breachdesk message verification v1', 'utf8'), 32));
}

/** Crockford base32 of exactly 5 bytes: 8 characters. */
function encode(bytes: Buffer): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 7; i >= 0; i--) out += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

function tagOf(key: Buffer, nonce: string): string {
  return encode(createHmac('sha256', key).update(`verify:${nonce}`).digest().subarray(0, partBytes));
}

function group(code: string): string {
  return code.match(/.{4}/g)!.join('-');
}

export function issueVerificationCode(key: Buffer): string {
  const nonce = encode(randomBytes(partBytes));
  return group(nonce + tagOf(key, nonce));
}

/** Accepts what people type: any case, spaces or hyphens, and the letters that look like digits. */
export function normaliseVerificationCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 16 || [...cleaned].some((c) => !alphabet.includes(c))) return null;
  return cleaned;
}

export function isGenuineVerificationCode(key: Buffer, input: string): boolean {
  const code = normaliseVerificationCode(input);
  if (code === null) return false;
  const expected = Buffer.from(tagOf(key, code.slice(0, 8)));
  return timingSafeEqual(expected, Buffer.from(code.slice(8)));
}
