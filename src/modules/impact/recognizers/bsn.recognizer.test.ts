import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsnRecognizer, normaliseBsn, passesElevenProof, validateBsn } from './bsn.recognizer.ts';

/** Completes eight digits to a BSN with the 11-proef, or null when no last digit works. */
function completeBsn(firstEight: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(firstEight[i]) * (9 - i);
  const last = sum % 11;
  return last === 10 ? null : `${firstEight}${last}`;
}

describe('bsn recognizer', () => {
  it('accepts numbers built with the 11-proef, with separators and as legacy eight-digit numbers', () => {
    const bsn = completeBsn('11122233');
    expect(bsn).toBe('111222333');
    expect(validateBsn('111222333')).toEqual({ valid: true });
    expect(validateBsn(' 1112.22.333 ')).toEqual({ valid: true });
    // 12345672 passes as 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110
    expect(normaliseBsn('12345672')).toBe('012345672');
    expect(validateBsn('12345672')).toEqual({ valid: true });
  });

  it('rejects a changed digit, zero and other shapes with a reason', () => {
    expect(validateBsn('111222334')).toEqual({ valid: false, reason: 'fails_eleven_proof' });
    expect(validateBsn('000000000')).toEqual({ valid: false, reason: 'all_zero' });
    expect(validateBsn('1234567')).toEqual({ valid: false, reason: 'not_nine_digits' });
    expect(validateBsn('1234567890')).toEqual({ valid: false, reason: 'not_nine_digits' });
    expect(validateBsn('12345678a')).toEqual({ valid: false, reason: 'not_nine_digits' });
  });

  it('catches every single-digit change of a valid number', () => {
    const valid = '111222333';
    for (let position = 0; position < 9; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const changed = valid.slice(0, position) + digit + valid.slice(position + 1);
        if (changed !== valid) expect(passesElevenProof(changed)).toBe(false);
      }
    }
  });

  it('lets about one in eleven random nine-digit numbers pass, which is why content alone is weak', () => {
    let passed = 0;
    for (let n = 100_000_000; n < 100_110_000; n += 1) if (passesElevenProof(String(n))) passed += 1;
    expect(passed / 110_000).toBeCloseTo(1 / 11, 2);
  });

  it('builds valid numbers from any eight digits that can be completed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7}$/), (firstEight) => {
        const bsn = completeBsn(firstEight);
        if (bsn !== null) expect(validateBsn(bsn).valid).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary strings, and normalised values match the exported pattern', () => {
    const pattern = new RegExp(bsnRecognizer.regexSource ?? '');
    fc.assert(
      fc.property(fc.string(), (value) => {
        const normalised = bsnRecognizer.normalise(value);
        if (normalised !== null) expect(pattern.test(normalised)).toBe(true);
        expect(typeof bsnRecognizer.validate(value).valid).toBe('boolean');
      }),
    );
  });

  it('masks all but the last two digits', () => {
    expect(bsnRecognizer.mask('111222333')).toBe('•••••••33');
  });
});
