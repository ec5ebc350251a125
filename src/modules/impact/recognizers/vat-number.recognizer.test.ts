import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUTCH_VAT_SEARCH_REGEX_SOURCE,
  extractBsnFromVat,
  normaliseVatNumber,
  validateVatNumber,
  vatNumberRecognizer,
  vatScheme,
} from './vat-number.recognizer.ts';

/** A post-2020 btw-id: the two digits before B are free, so search for a number that passes mod 97. */
function buildMod97Vat(prefix: string): string {
  for (let n = 0; n < 100_000; n += 1) {
    const candidate = `NL${prefix}${String(n).padStart(9 - prefix.length, '0')}B01`;
    if (vatScheme(candidate) === 'mod97') return candidate;
  }
  throw new Error('no mod-97 number found');
}

function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

describe('vat number recognizer', () => {
  it('finds the BSN inside a sole trader VAT number from before 2020', () => {
    expect(validateVatNumber('NL111222333B01')).toEqual({ valid: true });
    expect(vatScheme('NL111222333B01')).toBe('bsn_based');
    expect(extractBsnFromVat('nl 1112.22.333 b01')).toBe('111222333');
  });

  it('accepts a btw-id issued since 2020 that passes mod 97 over NL plus the number', () => {
    const vat = buildMod97Vat('86');
    expect(mod97(vat)).toBe(1);
    expect(validateVatNumber(vat)).toEqual({ valid: true });
    expect(extractBsnFromVat(vat)).toBeNull();
  });

  it('rejects numbers that pass neither test, zeros and other shapes', () => {
    expect(validateVatNumber('NL111222334B01')).toEqual({ valid: false, reason: 'fails_eleven_proof_and_mod_97' });
    expect(validateVatNumber('NL000000000B01')).toEqual({ valid: false, reason: 'all_zero' });
    expect(validateVatNumber('NL111222333')).toEqual({ valid: false, reason: 'not_dutch_vat_shape' });
    expect(validateVatNumber('BE0123456789')).toEqual({ valid: false, reason: 'not_dutch_vat_shape' });
  });

  it('finds VAT numbers inside composite fields with the search pattern', () => {
    const note = 'ZZP, btw NL111222333B01, factuur per maand';
    expect(note.match(new RegExp(DUTCH_VAT_SEARCH_REGEX_SOURCE))?.[0]).toBe('NL111222333B01');
  });

  it('masks the digits and keeps the suffix', () => {
    expect(vatNumberRecognizer.mask('NL111222333B01')).toBe('NL•••••••••B01');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const normalised = normaliseVatNumber(value);
        if (normalised !== null) expect(normalised).toMatch(/^NL\d{9}B\d{2}$/);
        expect(typeof validateVatNumber(value).valid).toBe('boolean');
      }),
    );
  });
});
