import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  freeTextNotesRecognizer,
  hasFindings,
  scanNotes,
  SPECIAL_CATEGORY_SQL_PATTERNS,
  VULNERABILITY_SQL_PATTERNS,
} from './free-text-notes.recognizer.ts';

describe('free text notes scanner', () => {
  it('finds Dutch vulnerability terms, including compounds and inflections', () => {
    const findings = scanNotes('Klant heeft een Bewindvoerder; betalingsregelingen lopen via WSNP. Onder curatele sinds 2019.');
    expect(findings.vulnerability).toEqual({
      financial_administration: ['bewindvoerder'],
      legal_protection: ['curatele'],
      debt: ['wsnp'],
      payment_arrangement: ['betalingsregelingen'],
    });
    expect(findings.specialCategories).toEqual({});
  });

  it('finds English terms and special categories', () => {
    const findings = scanNotes('Customer in a nursing home, has dementia; payment plan agreed. Criminal record noted.');
    expect(findings.vulnerability).toEqual({ elderly: ['nursing home'], payment_arrangement: ['payment plan'] });
    expect(findings.specialCategories).toEqual({ health: ['dementia'], criminal: ['criminal record'] });
  });

  it('respects word boundaries, so terms inside other words do not count', () => {
    expect(hasFindings(scanNotes('Woont aan de Kerkstraat, onschuldig verklaard, Racebaan 3'))).toBe(false);
    expect(hasFindings(scanNotes('Adres: Mentorlaan 3, geen bijzonderheden'))).toBe(false);
    expect(scanNotes('Gaat naar de kerk op zondag').specialCategories).toEqual({ religion: ['kerk'] });
  });

  it('matches across line breaks and in any case', () => {
    expect(scanNotes('SCHULDSANERING\nloopt').vulnerability).toEqual({ debt: ['schuldsanering'] });
    expect(scanNotes('huiselijk\n geweld').vulnerability).toEqual({ personal_safety: ['huiselijk geweld'] });
  });

  it('exports SQL patterns without look-around for every group', () => {
    for (const pattern of [...Object.values(VULNERABILITY_SQL_PATTERNS), ...Object.values(SPECIAL_CATEGORY_SQL_PATTERNS)]) {
      expect(pattern).not.toMatch(/\(\?[=!<]/);
    }
    const debt = new RegExp(VULNERABILITY_SQL_PATTERNS.debt.replace('(?i)', ''), 'iu');
    expect(debt.test('in de schuldsanering')).toBe(true);
    expect(debt.test('schuldsaneringstraject')).toBe(true);
    expect(debt.test('onschuld')).toBe(false);
  });

  it('treats a few words as a note and masks it', () => {
    expect(freeTextNotesRecognizer.validate('Klant belt terug morgen')).toEqual({ valid: true });
    expect(freeTextNotesRecognizer.validate('12345')).toEqual({ valid: false, reason: 'not_free_text' });
    expect(freeTextNotesRecognizer.mask('Klant belt terug morgen')).toBe('K••• b••• t••• m•••');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (value) => {
        const findings = scanNotes(value);
        expect(typeof hasFindings(findings)).toBe('boolean');
        expect(typeof freeTextNotesRecognizer.validate(value).valid).toBe('boolean');
      }),
    );
  });
});
