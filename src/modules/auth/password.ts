import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { newSecretToken } from '../../shared/ids.ts';

export const minPasswordLength = 12;
export const maxPasswordLength = 1024;

// The package's Algorithm is an ambient const enum, which isolated modules cannot read; 2 is Argon2id.
const argon2id = 2 as Algorithm;
// OWASP's recommended Argon2id profile: 19 MiB, 2 passes, 1 lane.
const hashOptions = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Returns a message naming what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `must be at least ${minPasswordLength} characters`;
  if (password.length > maxPasswordLength) return `must be at most ${maxPasswordLength} characters`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password against a stored hash. Without a hash (unknown e-mail, account without password)
 * it verifies against a throwaway hash and answers false, so the time taken does not tell them apart.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash) {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }
  dummyHash ??= hashPassword(newSecretToken());
  await verify(await dummyHash, password);
  return false;
}
