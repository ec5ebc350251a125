import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIban, ibanRecognizer, ibanRemainder, maskIban, normaliseIban, validateIban } from './iban.recognizer.ts';

/** Computes the two check digits for a country and account part, as a bank would. */
function buildIban(country: string, bban: string): string {
  const check = 98 - ibanRemainder(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

describe('iban recognizer', () => {
  it('accepts known valid IBANs in printed and compact form', () => {
    expect(validateIban('NL91ABNA0417164300')).toEqual({ valid: true });
    expect(validateIban('NL91 ABNA 0417 1643 00')).toEqual({ valid: true });
    expect(validateIban('iban: nl91abna0417164300')).toEqual({ valid: true });
    expect(validateIban('DE89 3704 0044 0532 0130 00')).toEqual({ valid: true });
    expect(validateIban('GB29 NWBK 6016 1331 9268 19')).toEqual({ valid: true });
    expect(validateIban('BE68 5390 0754 7034')).toEqual({ valid: true });
  });

  it('accepts IBANs constructed with real mod-97 check digits', () => {
    expect(buildIban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
    const ing = buildIban('NL', 'INGB0001234567');
    expect(validateIban(ing)).toEqual({ valid: true });
    expect(describeIban(ing)).toEqual({ country: 'NL', bankCode: 'INGB', bankName: 'ING' });
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{4}\d{10}$/), (bban) => {
        expect(validateIban(buildIban('NL', bban)).valid).toBe(true);
      }),
    );
  });

  it('rejects wrong check digits, wrong lengths, unknown countries and a broken Dutch layout', () => {
    expect(validateIban('NL92ABNA0417164300')).toEqual({ valid: false, reason: 'fails_mod_97' });
    expect(validateIban('NL91ABNA04171643001')).toEqual({ valid: false, reason: 'wrong_length_for_country' });
    expect(validateIban('XX91ABNA0417164300')).toEqual({ valid: false, reason: 'unknown_country' });
    const digitsInBankCode = buildIban('NL', '12340417164300');
    expect(validateIban(digitsInBankCode)).toEqual({ valid: false, reason: 'wrong_dutch_layout' });
    expect(validateIban('hello')).toEqual({ valid: false, reason: 'not_iban_shape' });
  });

  it('catches a swap of two neighbouring account digits', () => {
    expect(validateIban('NL91ABNA0417163400').valid).toBe(false);
  });

  it('names unknown Dutch bank codes as unknown instead of failing them', () => {
    const iban = buildIban('NL', 'ZZZZ0417164300');
    expect(validateIban(iban).valid).toBe(true);
    expect(describeIban(iban).bankName).toBeNull();
  });

  it('masks to country, check digits and the last two characters', () => {
    expect(maskIban('NL91ABNA0417164300')).toBe('NL91 •••• •••• •••• 00');
  });

  it('never throws on arbitrary strings', () => {
    const pattern = new RegExp(ibanRecognizer.regexSource ?? '');
    fc.assert(
      fc.property(fc.string(), (value) => {
        const normalised = normaliseIban(value);
        if (normalised !== null) expect(pattern.test(normalised)).toBe(true);
        expect(typeof validateIban(value).valid).toBe('boolean');
      }),
    );
  });
});
