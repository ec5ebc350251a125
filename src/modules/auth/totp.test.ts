import { describe, expect, it } from 'vitest';
import { acceptedTotpStep, hashBackupCode, looksLikeBackupCode, newBackupCodes, newTotpSecret, otpauthUri, timeStep, totpCodeAt } from './totp.ts';

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-03-02T09:00:10.000Z');

  it('accepts the current code and one step either side, not two', () => {
    expect(acceptedTotpStep(secret, totpCodeAt(secret, now), now, null)).toBe(timeStep(now));
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(timeStep(now) - 1);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(timeStep(now) + 1);
    expect(acceptedTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('refuses a code of a step already used, and of another secret', () => {
    const code = totpCodeAt(secret, now);
    expect(acceptedTotpStep(secret, code, now, timeStep(now))).toBeNull();
    expect(acceptedTotpStep(secret, code, now, timeStep(now) - 1)).toBe(timeStep(now));
    expect(acceptedTotpStep(newTotpSecret(), code, now, null)).toBeNull();
  });

  it('ignores spaces and refuses what is not six digits', () => {
    const code = totpCodeAt(secret, now);
    expect(acceptedTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(timeStep(now));
    expect(acceptedTotpStep(secret, 'abcdef', now, null)).toBeNull();
    expect(acceptedTotpStep(secret, `${code}0`, now, null)).toBeNull();
  });

  it('builds an otpauth address naming the issuer and account', () => {
    const uri = otpauthUri(secret, 'ada@example.test', 'Breachdesk');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Breachdesk:ada%40example\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe('backup codes', () => {
  it('are ten distinct codes whose hash ignores case and separators', () => {
    const codes = newBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const code = codes[0]!;
    expect(hashBackupCode(code.toUpperCase().replace('-', ' '))).toBe(hashBackupCode(code));
    expect(hashBackupCode(codes[1]!)).not.toBe(hashBackupCode(code));
    expect(looksLikeBackupCode(code)).toBe(true);
    expect(looksLikeBackupCode('123456')).toBe(false);
  });
});
