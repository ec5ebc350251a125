import { createHash, randomBytes } from 'node:crypto';

const prefixAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

export interface NewApiToken {
  /** The whole token, shown once: `bd_<prefix>_<secret>`. */
  token: string;
  /** A short public part that names the token in lists and logs without revealing it. */
  prefix: string;
  hash: string;
}

/** Only this SHA-256 of the whole token is stored; the token cannot be recovered from it. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newApiToken(): NewApiToken {
  const prefix = Array.from(randomBytes(8), (byte) => prefixAlphabet[byte % prefixAlphabet.length]).join('');
  const token = `bd_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashApiToken(token) };
}

/** Whether a bearer value has the shape of one of our tokens (anything else is not looked up at all). */
export function looksLikeApiToken(value: string): boolean {
  return /^bd_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/.test(value);
}
