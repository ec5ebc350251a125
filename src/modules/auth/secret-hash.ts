import { createHash } from 'node:crypto';

/** Tokens (sessions, setup links) and throttle keys are stored only as this hash. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
