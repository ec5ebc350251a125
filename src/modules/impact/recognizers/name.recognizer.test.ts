import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFullName, normalisePersonName, personNameRecognizer, validatePersonName } from './name.recognizer.ts';

describe('person name recognizer', () => {
  it('accepts Dutch names with particles, initials, hyphens and accents', () => {
    expect(validatePersonName('Jan de Vries')).toEqual({ valid: true });
    expect(validatePersonName('J.P. van den Berg')).toEqual({ valid: true });
    expect(validatePersonName("Anne-Marie 't Hart")).toEqual({ valid: true });
    expect(validatePersonName('Zoë Çelik')).toEqual({ valid: true });
    expect(validatePersonName('JANSEN')).toEqual({ valid: true });
    expect(normalisePersonName('  Jan   de  Vries ')).toBe('Jan de Vries');
  });

  it('rejects digits, particles alone and uncapitalised text', () => {
    expect(validatePersonName('Jan 2')).toEqual({ valid: false, reason: 'not_name_shape' });
    expect(validatePersonName('van der')).toEqual({ valid: false, reason: 'only_particles' });
    expect(validatePersonName('geen idee')).toEqual({ valid: false, reason: 'not_capitalised' });
    expect(validatePersonName('a@b.nl')).toEqual({ valid: false, reason: 'not_name_shape' });
  });

  it('tells full names from single words', () => {
    expect(isFullName('Jan de Vries')).toBe(true);
    expect(isFullName('Amsterdam')).toBe(false);
  });

  it('masks each word to its first letter', () => {
    expect(personNameRecognizer.mask('Jan de Vries')).toBe('J••• d••• V•••');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (value) => typeof validatePersonName(value).valid === 'boolean'));
  });
});
