import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseStreetAddress, streetAddressRecognizer, streetOf, validateStreetAddress } from './address.recognizer.ts';

describe('street address recognizer', () => {
  it('accepts Dutch and English street addresses with house number additions', () => {
    for (const address of [
      'Kerkstraat 12',
      'Kerkstraat 12a',
      'Kerkstraat 12-3',
      'Oude Gracht 140 bis',
      'Laan van Meerdervoort 5-A',
      'Burgemeester de Withstraat 7, 1234 AB Utrecht',
      'Downing Street 10',
      'High St 5',
    ]) {
      expect(validateStreetAddress(address), address).toEqual({ valid: true });
    }
    expect(streetOf('Kerkstraat 12a')).toBe('Kerkstraat');
  });

  it('rejects word-and-number values that are not streets', () => {
    expect(validateStreetAddress('Windows 10')).toEqual({ valid: false, reason: 'no_street_word' });
    expect(validateStreetAddress('Kamer 12')).toEqual({ valid: false, reason: 'no_street_word' });
    expect(validateStreetAddress('Kerkstraat')).toEqual({ valid: false, reason: 'not_street_and_number' });
    expect(normaliseStreetAddress('12')).toBeNull();
  });

  it('masks each word', () => {
    expect(streetAddressRecognizer.mask('Kerkstraat 12')).toBe('K••• 1•••');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (value) => typeof validateStreetAddress(value).valid === 'boolean'));
  });
});
