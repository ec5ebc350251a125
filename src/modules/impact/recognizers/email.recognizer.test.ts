import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailRecognizer, maskEmail, normaliseEmail, validateEmail } from './email.recognizer.ts';

describe('email recognizer', () => {
  it('normalises case, spaces, angle brackets and mailto:', () => {
    expect(normaliseEmail('  Jan.Jansen@Example.NL ')).toBe('jan.jansen@example.nl');
    expect(normaliseEmail('<jan@example.nl>')).toBe('jan@example.nl');
    expect(normaliseEmail('mailto:Jan@Example.nl')).toBe('jan@example.nl');
    expect(validateEmail("o'brien+breach@mail.example.co.uk")).toEqual({ valid: true });
  });

  it('rejects addresses without a domain, with misplaced dots or bad labels', () => {
    expect(validateEmail('jan@localhost')).toEqual({ valid: false, reason: 'not_email_shape' });
    expect(validateEmail('jan.@example.nl')).toEqual({ valid: false, reason: 'misplaced_dot' });
    expect(validateEmail('j..an@example.nl')).toEqual({ valid: false, reason: 'misplaced_dot' });
    expect(validateEmail('jan@-example.nl')).toEqual({ valid: false, reason: 'bad_domain_label' });
    expect(validateEmail('jan example.nl')).toEqual({ valid: false, reason: 'not_email_shape' });
  });

  it('masks to the first characters and the top-level domain', () => {
    expect(maskEmail('jan@example.nl')).toBe('j•••@e•••.nl');
    expect(emailRecognizer.mask('a.b@sub.example.com')).toBe('a•••@s•••.com');
  });

  it('never throws on arbitrary strings and keeps normalised output normalised', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress()), (value) => {
        const normalised = normaliseEmail(value);
        if (normalised !== null) expect(normaliseEmail(normalised)).toBe(normalised);
        expect(typeof validateEmail(value).valid).toBe('boolean');
      }),
    );
  });
});
