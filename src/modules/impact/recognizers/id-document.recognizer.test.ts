import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idDocumentRecognizer, normaliseIdDocumentNumber, validateIdDocumentNumber } from './id-document.recognizer.ts';

describe('id document recognizer', () => {
  it('accepts Dutch passport and identity card numbers', () => {
    expect(validateIdDocumentNumber('SPECI2014')).toEqual({ valid: true });
    expect(validateIdDocumentNumber('nw k1 23456')).toEqual({ valid: true });
    expect(normaliseIdDocumentNumber('nw-k1-23456')).toBe('NWK123456');
  });

  it('rejects the letter O, a letter at the end and other shapes', () => {
    expect(validateIdDocumentNumber('OB1234567')).toEqual({ valid: false, reason: 'contains_letter_o' });
    expect(validateIdDocumentNumber('AB12O4567')).toEqual({ valid: false, reason: 'contains_letter_o' });
    expect(validateIdDocumentNumber('AB123456X')).toEqual({ valid: false, reason: 'not_document_number_shape' });
    expect(validateIdDocumentNumber('A12345678')).toEqual({ valid: false, reason: 'not_document_number_shape' });
    expect(validateIdDocumentNumber('AB1234567X')).toEqual({ valid: false, reason: 'not_document_number_shape' });
  });

  it('masks all but the first two and the last character', () => {
    expect(idDocumentRecognizer.mask('NWK123456')).toBe('NW••••••6');
  });

  it('agrees with its exported pattern and never throws', () => {
    const pattern = new RegExp(idDocumentRecognizer.regexSource ?? '');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{6}\d$/)), (value) => {
        const normalised = normaliseIdDocumentNumber(value);
        const valid = validateIdDocumentNumber(value).valid;
        if (normalised !== null) expect(valid).toBe(pattern.test(normalised));
        else expect(valid).toBe(false);
      }),
    );
  });
});
