import { describe, expect, it } from 'vitest';
import { classifyColumn } from './column-classifier.ts';
import { passesElevenProof } from './recognizers/index.ts';

const options = { referenceDate: new Date('2026-11-24T12:00:00Z') };

/** Deterministic 9-digit numbers, as a customer-number sequence with gaps would give. */
function nineDigitNumbers(count: number, seed = 42): string[] {
  let state = seed;
  const numbers: string[] = [];
  for (let i = 0; i < count; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    numbers.push(String(100_000_000 + (state % 900_000_000)));
  }
  return numbers;
}

function validBsns(count: number): string[] {
  return nineDigitNumbers(count * 20, 7)
    .filter((n) => passesElevenProof(n))
    .slice(0, count);
}

describe('classifyColumn', () => {
  it('does not call a customer-number column BSN although some values pass the 11-proef', () => {
    const values = nineDigitNumbers(500);
    const passRate = values.filter(passesElevenProof).length / values.length;
    expect(passRate).toBeGreaterThan(0.05);
    expect(passRate).toBeLessThan(0.13);

    const result = classifyColumn('Klantnummer', values, options);
    expect(result.category).toBe('customer_id');
    expect(result.confidenceLevel).toBe('high');
    expect(result.reasons.join(' ')).toMatch(/pass the 11-proef, about what chance gives/);
    const bsn = result.alternatives.find((a) => a.category === 'bsn');
    expect(bsn?.validationRate).toBeCloseTo(passRate, 2);
    expect(bsn?.chancePassRate).toBeCloseTo(1 / 11, 3);
  });

  it('does not call random 9-digit numbers BSN under a neutral header either', () => {
    const result = classifyColumn('nummer', nineDigitNumbers(500), options);
    expect(result.category).not.toBe('bsn');
    expect(result.category).toBe('customer_id');
    expect(result.confidenceLevel).toBe('low');
  });

  it('calls a column BSN when header and the 11-proef agree', () => {
    const result = classifyColumn('BSN', validBsns(50), options);
    expect(result.category).toBe('bsn');
    expect(result.validationRate).toBe(1);
    expect(result.confidence).toBe(1);
    expect(result.maskedExamples[0]).toMatch(/^•{7}\d{2}$/);
  });

  it('believes content alone when every value passes the 11-proef and the header names nothing', () => {
    const result = classifyColumn('kolom_7', validBsns(50), options);
    expect(result.category).toBe('bsn');
    expect(result.confidenceLevel).toBe('high');
    expect(result.reasons.join(' ')).toMatch(/far above chance/);
  });

  it('keeps a customer-number header over 11-proef content, but says the values may be BSNs', () => {
    const result = classifyColumn('Klantnummer', validBsns(50), options);
    expect(result.category).toBe('customer_id');
    expect(result.reasons.join(' ')).toMatch(/100% of the values pass the 11-proef, far above chance/);
  });

  it('gives a BSN header with failing values low confidence', () => {
    const values = nineDigitNumbers(200);
    const result = classifyColumn('bsn', values, options);
    expect(result.category).toBe('bsn');
    expect(result.confidenceLevel).toBe('low');
    expect(result.invalidReasons['fails_eleven_proof']).toBeGreaterThan(150);
  });

  it('too few passing values are not evidence on their own', () => {
    const result = classifyColumn('code', validBsns(3), options);
    expect(result.category).not.toBe('bsn');
  });

  it('lets content overrule a wrong header', () => {
    const result = classifyColumn('Telefoon', ['jan@example.nl', 'Piet@Voorbeeld.NL', 'a.b@mail.com'], options);
    expect(result.category).toBe('email');
    expect(result.headerCategory).toBe('phone');
    expect(result.maskedExamples).toEqual(['j•••@e•••.nl', 'p•••@v•••.nl', 'a•••@m•••.com']);
    expect(result.reasons.join(' ')).toMatch(/header suggests phone/);
  });

  it('recognises IBANs with masked examples and reports the share that validates', () => {
    const values = ['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'NL92ABNA0417164300', ''];
    const result = classifyColumn('Rekening', values, options);
    expect(result.category).toBe('iban');
    expect(result.sampleSize).toBe(3);
    expect(result.emptyCount).toBe(1);
    expect(result.matchRate).toBe(1);
    expect(result.validationRate).toBeCloseTo(2 / 3, 3);
    expect(result.maskedExamples).toEqual(['NL91 •••• •••• •••• 00']);
    expect(result.invalidReasons).toEqual({ fails_mod_97: 1 });
  });

  it('reads birth dates with Excel serials, two-digit years and placeholders, and says so', () => {
    const values = ['17-05-1980', '29358', '03-04-45', '01-01-1900', '01-01-1900', '12-12-1950', 'NULL'];
    const result = classifyColumn('Geboortedatum', values, options);
    expect(result.category).toBe('birth_date');
    expect(result.sampleSize).toBe(6);
    expect(result.validationRate).toBeCloseTo(4 / 6, 3);
    expect(result.invalidReasons).toEqual({ placeholder_date: 2 });
    const reasons = result.reasons.join(' ');
    expect(reasons).toMatch(/1 values are Excel serial day numbers/);
    expect(reasons).toMatch(/1 values have a two-digit year/);
    expect(reasons).toMatch(/2 values are placeholder dates/);
    expect(result.maskedExamples).toContain('198•-••-••');
  });

  it('switches to month-first dates when the values prove it', () => {
    const result = classifyColumn('DOB', ['12/31/1980', '01/02/1975'], options);
    expect(result.category).toBe('birth_date');
    expect(result.validationRate).toBe(1);
    expect(result.reasons).toContain('Values are written month first.');
  });

  it('does not call an unlabelled date column birth dates with confidence', () => {
    const result = classifyColumn('datum', ['17-05-2020', '01-02-2021', '12-12-2019'], options);
    expect(result.category).toBe('birth_date');
    expect(result.confidenceLevel).toBe('low');
  });

  it('counts vulnerability terms in a notes column and asks for a full scan', () => {
    const values = [
      'Klant heeft bewindvoerder, post naar bewindvoerder sturen',
      'Betalingsregeling afgesproken, 6 termijnen',
      'Belt liever na 17:00 uur',
      'Woont in verpleeghuis, dochter regelt zaken',
    ];
    const result = classifyColumn('Opmerkingen', values, options);
    expect(result.category).toBe('free_text_notes');
    expect(result.noteTermCounts).toEqual({
      vulnerability: { financial_administration: 1, payment_arrangement: 1, elderly: 1 },
      specialCategories: {},
    });
    expect(result.reasons.join(' ')).toMatch(/scan the whole column/);
    expect(result.maskedExamples[0]).not.toContain('bewindvoerder');
  });

  it('recognises device names with a person in them, and MAC addresses', () => {
    expect(classifyColumn('hostname', ['iPhone van Jan', 'Galaxy-S21-van-Sanne', 'DESKTOP-7F3K2L'], options)).toMatchObject({
      category: 'device_name',
      validationRate: 0.667,
      maskedExamples: ['iPhone van J•••', 'Galaxy-S21-van-S•••'],
    });
    expect(classifyColumn('x', ['00:1A:2B:3C:4D:5E', 'da-a1-19-00-00-01'], options).category).toBe('mac_address');
  });

  it('uses the header for names and addresses, whose content alone is ambiguous', () => {
    expect(classifyColumn('Achternaam', ['Jansen', 'de Vries', 'Bakker'], options)).toMatchObject({
      category: 'name',
      confidenceLevel: 'high',
    });
    expect(classifyColumn('plaats', ['Amsterdam', 'Utrecht'], options).category).toBe('address');
    expect(classifyColumn('col', ['Amsterdam', 'Utrecht', 'Zwolle'], options).category).toBeNull();
    expect(classifyColumn('col', ['Kerkstraat 1', 'Dorpsweg 12a', 'Laan van Nieuw Oost-Indië 5'], options)).toMatchObject({
      category: 'address',
      confidenceLevel: 'low',
    });
  });

  it('answers null with no confidence when nothing fits, and reads only the header of an empty sample', () => {
    expect(classifyColumn('Bedrag', ['12,50', '7,00', '100,00'], options)).toMatchObject({
      category: null,
      confidence: 0,
      confidenceLevel: 'none',
      maskedExamples: [],
    });
    expect(classifyColumn('IBAN', ['', 'null', 'n.v.t.'], options)).toMatchObject({
      category: 'iban',
      sampleSize: 0,
      emptyCount: 3,
      confidenceLevel: 'low',
    });
  });
});
