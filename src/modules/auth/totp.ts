import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashSecret } from './secret-hash.ts';

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const period = 30;
const digits = 6;
/** One step either side: a phone clock half a minute off still works. */
const window = 1;
export const backupCodeCount = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, label = 'account', issuer = 'Breachdesk'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits, period, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, accountLabel: string, issuer: string): string {
  return totpOf(secret, accountLabel, issuer).toString();
}

export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / period);
}

/**
 * The time step a code belongs to when it is valid at `now` and newer than `lastUsedStep`, else null. Refusing
 * a step already used stops a code seen over someone's shoulder from being replayed within its 30 seconds.
 */
export function acceptedTotpStep(secret: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window });
  if (delta === null) return null;
  const step = timeStep(now) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

const backupAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters from an alphabet without look-alikes, shown as xxxxx-xxxxx. */
export function newBackupCodes(): string[] {
  return Array.from({ length: backupCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => backupAlphabet[randomInt(backupAlphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseBackupCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function looksLikeBackupCode(code: string): boolean {
  return normaliseBackupCode(code).length === 10;
}

/** Backup codes are stored only as this hash; they carry 50 bits of randomness, so a fast hash suffices. */
export function hashBackupCode(code: string): string {
  return hashSecret(`backup:${normaliseBackupCode(code)}`);
}
