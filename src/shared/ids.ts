import { randomBytes, randomUUID } from 'node:crypto';

/** Time-ordered ids (UUID v7 layout) keep inserts local in both SQLite and PostgreSQL indexes. */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}

/** An unguessable token for links and sessions; only its hash is ever stored. */
export function newSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export { randomUUID };
