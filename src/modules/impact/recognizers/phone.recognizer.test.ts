import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePhone, isDutchMobile, normalisePhone, phoneRecognizer, validatePhone } from './phone.recognizer.ts';

describe('phone recognizer', () => {
  it('normalises Dutch and international numbers to E.164', () => {
    expect(normalisePhone('06-12345678')).toBe('+31612345678');
    expect(normalisePhone('06 1234 5678')).toBe('+31612345678');
    expect(normalisePhone('+31 (0)6 12345678')).toBe('+31612345678');
    expect(normalisePhone('0031612345678')).toBe('+31612345678');
    expect(normalisePhone('020-5551234')).toBe('+31205551234');
    expect(normalisePhone('+32 470 12 34 56')).toBe('+32470123456');
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('validates against assigned number ranges, not only length', () => {
    expect(validatePhone('06-12345678')).toEqual({ valid: true });
    expect(validatePhone('+44 20 7946 0958')).toEqual({ valid: true });
    // 069 is not a Dutch mobile range: right length, not valid.
    expect(validatePhone('06-90000000')).toEqual({ valid: false, reason: 'not_an_assigned_number_range' });
    expect(validatePhone('12345678')).toEqual({ valid: false, reason: 'not_phone_shape' });
    expect(validatePhone('hello')).toEqual({ valid: false, reason: 'not_phone_shape' });
  });

  it('tells mobiles from landlines, because a landline belongs to a household', () => {
    expect(describePhone('06-12345678')).toEqual({ e164: '+31612345678', country: 'NL', lineType: 'mobile' });
    expect(describePhone('020-5551234')?.lineType).toBe('fixed_line');
    expect(isDutchMobile('+31612345678')).toBe(true);
    expect(isDutchMobile('+31687654321')).toBe(true);
    expect(isDutchMobile('+31662345678')).toBe(false);
    expect(isDutchMobile('+31205551234')).toBe(false);
  });

  it('masks all but the country code, the Dutch mobile-or-landline digit and the last two digits', () => {
    expect(phoneRecognizer.mask('+31612345678')).toBe('+316••••••78');
    expect(phoneRecognizer.mask('+442079460958')).toBe('+44••••••••58');
  });

  it('rejects numbers that are "possible" for a country but shorter than E.164 allows', () => {
    expect(normalisePhone('+490 0 0-0')).toBeNull();
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0][\d -]{6,20}$/)), (value) => {
        const normalised = normalisePhone(value);
        if (normalised !== null) expect(normalised).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(typeof validatePhone(value).valid).toBe('boolean');
      }),
    );
  });
});
