import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUTCH_POSTCODE_REGEX_SOURCE, normalisePostcode, postcodeRecognizer, validatePostcode } from './postcode.recognizer.ts';

describe('postcode recognizer', () => {
  it('normalises to four digits, a space and two capitals', () => {
    expect(normalisePostcode('1234ab')).toBe('1234 AB');
    expect(normalisePostcode(' 9999  zz ')).toBe('9999 ZZ');
    expect(validatePostcode('2511 CV')).toEqual({ valid: true });
  });

  it('rejects a leading zero, the letter pairs SA, SD and SS, and other shapes', () => {
    expect(validatePostcode('0123 AB')).toEqual({ valid: false, reason: 'not_postcode_shape' });
    for (const letters of ['SA', 'SD', 'SS']) {
      expect(validatePostcode(`1234 ${letters}`)).toEqual({ valid: false, reason: 'letters_never_issued' });
    }
    expect(validatePostcode('1234 SB').valid).toBe(true);
    expect(validatePostcode('1234 AS').valid).toBe(true);
    expect(validatePostcode('12345').valid).toBe(false);
  });

  it('has a pattern without look-ahead that agrees with validation for every letter pair', () => {
    expect(DUTCH_POSTCODE_REGEX_SOURCE).not.toMatch(/\(\?[=!<]/);
    const pattern = new RegExp(DUTCH_POSTCODE_REGEX_SOURCE);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters) {
      for (const b of letters) {
        const expected = !['SA', 'SD', 'SS'].includes(a + b);
        expect(pattern.test(`1234 ${a}${b}`)).toBe(expected);
      }
    }
  });

  it('masks the letters and the last two digits', () => {
    expect(postcodeRecognizer.mask('1234 AB')).toBe('12•• ••');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(typeof validatePostcode(value).valid).toBe('boolean');
        const normalised = normalisePostcode(value);
        if (normalised !== null) expect(normalised).toMatch(/^\d{4} [A-Z]{2}$/);
      }),
    );
  });
});
