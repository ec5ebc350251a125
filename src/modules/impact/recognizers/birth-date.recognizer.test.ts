import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  createBirthDateRecognizer,
  detectDayMonthOrder,
  excelSerialToIso,
  maskBirthDate,
  parseDate,
  validateBirthDate,
} from './birth-date.recognizer.ts';

const referenceDate = new Date('2026-11-24T12:00:00Z');
const options = { referenceDate };

describe('birth date recognizer', () => {
  it('reads the common formats, day first', () => {
    expect(parseDate('17-05-1980', options)).toEqual({ iso: '1980-05-17', format: 'numeric' });
    expect(parseDate('3/4/1980', options)).toEqual({ iso: '1980-04-03', format: 'numeric' });
    expect(parseDate('17.05.1980', options)?.iso).toBe('1980-05-17');
    expect(parseDate('1980-05-17', options)).toEqual({ iso: '1980-05-17', format: 'iso' });
    expect(parseDate('1980-05-17 00:00:00', options)?.iso).toBe('1980-05-17');
    expect(parseDate('1980-05-17T00:00:00Z', options)?.iso).toBe('1980-05-17');
    expect(parseDate('19800517', options)).toEqual({ iso: '1980-05-17', format: 'compact' });
    expect(parseDate('17 mei 1980', options)).toEqual({ iso: '1980-05-17', format: 'month_name' });
    expect(parseDate('17 March 1980', options)?.iso).toBe('1980-03-17');
    expect(parseDate('3 okt. 1945', options)?.iso).toBe('1945-10-03');
  });

  it('reads month first only when told to', () => {
    expect(parseDate('04/03/1980', { ...options, order: 'mdy' })?.iso).toBe('1980-04-03');
    expect(parseDate('12/31/1980', options)).toBeNull();
    expect(parseDate('12/31/1980', { ...options, order: 'mdy' })?.iso).toBe('1980-12-31');
  });

  it('detects the day-month order of a column from unambiguous values', () => {
    expect(detectDayMonthOrder(['01-02-1980', '25-12-1970'])).toBe('dmy');
    expect(detectDayMonthOrder(['01/02/1980', '12/25/1970'])).toBe('mdy');
    expect(detectDayMonthOrder(['01-02-1980', '03-04-1970'])).toBe('ambiguous');
    expect(detectDayMonthOrder(['25-01-1980', '01-25-1970'])).toBe('ambiguous');
  });

  it('converts Excel serial day numbers, including the 1900 leap-year quirk', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(29358)).toBe('1980-05-17');
    expect(parseDate('29358', options)).toEqual({ iso: '1980-05-17', format: 'excel_serial' });
    expect(parseDate('29358.0', options)?.iso).toBe('1980-05-17');
  });

  it('expands two-digit years to the latest year not after the reference year', () => {
    expect(parseDate('17-05-80', options)).toEqual({ iso: '1980-05-17', format: 'two_digit_year' });
    expect(parseDate('17-05-15', options)?.iso).toBe('2015-05-17');
    expect(parseDate('17-05-26', options)?.iso).toBe('2026-05-17');
    expect(parseDate('17-05-27', options)?.iso).toBe('1927-05-17');
  });

  it('rejects placeholder dates, future dates, implausible ages and impossible days', () => {
    expect(validateBirthDate('01-01-1900', options)).toEqual({ valid: false, reason: 'placeholder_date' });
    expect(validateBirthDate('1', options)).toEqual({ valid: false, reason: 'placeholder_date' });
    expect(validateBirthDate('1899-12-31', options)).toEqual({ valid: false, reason: 'placeholder_date' });
    expect(validateBirthDate('9999-12-31', options)).toEqual({ valid: false, reason: 'placeholder_date' });
    expect(validateBirthDate('01-01-2030', options)).toEqual({ valid: false, reason: 'in_the_future' });
    expect(validateBirthDate('01-01-1901', options)).toEqual({ valid: false, reason: 'implausibly_old' });
    expect(validateBirthDate('31-02-1980', options)).toEqual({ valid: false, reason: 'not_a_date' });
    expect(validateBirthDate('29-02-1981', options)).toEqual({ valid: false, reason: 'not_a_date' });
    expect(validateBirthDate('29-02-1980', options)).toEqual({ valid: true });
    expect(validateBirthDate('24-11-1926', options)).toEqual({ valid: true });
  });

  it('computes age on the reference date', () => {
    expect(ageOn('1946-11-24', referenceDate)).toBe(80);
    expect(ageOn('1946-11-25', referenceDate)).toBe(79);
  });

  it('masks to the decade', () => {
    expect(maskBirthDate('1980-05-17')).toBe('198•-••-••');
  });

  it('round-trips any real date written day first', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1910-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const written = `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
        expect(parseDate(written, options)?.iso).toBe(iso);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    const recognizer = createBirthDateRecognizer(options);
    fc.assert(
      fc.property(fc.string(), (value) => {
        const normalised = recognizer.normalise(value);
        if (normalised !== null) expect(normalised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof recognizer.validate(value).valid).toBe('boolean');
      }),
    );
  });
});
