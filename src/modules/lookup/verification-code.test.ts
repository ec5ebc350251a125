import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveVerificationKey, isGenuineVerificationCode, issueVerificationCode, normaliseVerificationCode } from './verification-code.ts';

const key = deriveVerificationKey(randomBytes(32), 'case-1');

describe('verification codes', () => {
  it('are four groups of four and check out under their own key only', () => {
    const code = issueVerificationCode(key);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(isGenuineVerificationCode(key, code)).toBe(true);
    expect(isGenuineVerificationCode(deriveVerificationKey(randomBytes(32), 'case-1'), code)).toBe(false);
  });

  it('differ per message', () => {
    expect(issueVerificationCode(key)).not.toBe(issueVerificationCode(key));
  });

  it('accept what people type and refuse any changed character', () => {
    const code = issueVerificationCode(key);
    expect(isGenuineVerificationCode(key, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
    for (let i = 0; i < code.length; i++) {
      if (code[i] === '-') continue;
      const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
      expect(isGenuineVerificationCode(key, changed)).toBe(false);
    }
    expect(isGenuineVerificationCode(key, '')).toBe(false);
    expect(normaliseVerificationCode('0o1I-lL00-0000-0000')).toBe('0011110000000000');
  });
});
