import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { formatMoment, waitTime } from './format.ts';
import { nl } from './nl.ts';
import { localeFromBrowser, placeholders, translate } from './translate.ts';

describe('dictionaries', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty texts', () => {
    for (const [name, dictionary] of Object.entries({ nl, en })) {
      const empty = Object.entries(dictionary).filter(([, text]) => text.trim() === '').map(([key]) => `${name}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders for the same key', () => {
    const differing = Object.keys(en).filter(
      (key) => placeholders(en[key as keyof typeof en]).join() !== placeholders(nl[key as keyof typeof nl]).join(),
    );
    expect(differing).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'users.created', { name: 'Anna' })).toBe('Anna has been added.');
    expect(translate(nl, 'users.created', { name: 'Anna' })).toBe('Anna is toegevoegd.');
    expect(translate(en, 'users.created')).toBe('{name} has been added.');
  });
});

describe('localeFromBrowser', () => {
  it('chooses Dutch for any Dutch variant and English otherwise', () => {
    expect(localeFromBrowser(['nl-BE', 'en'])).toBe('nl');
    expect(localeFromBrowser(['NL'])).toBe('nl');
    expect(localeFromBrowser(['de-DE', 'nl'])).toBe('en');
    expect(localeFromBrowser([])).toBe('en');
  });
});

describe('formatMoment', () => {
  it('shows UTC moments in Amsterdam time, summer and winter', () => {
    expect(formatMoment('2026-07-01T10:00:00.000Z', 'en')).toMatch(/12:00/);
    expect(formatMoment('2026-01-15T10:00:00.000Z', 'nl')).toMatch(/11:00/);
    expect(formatMoment('2026-01-15T23:30:00.000Z', 'en')).toMatch(/16 Jan 2026/);
  });

  it('returns nothing for a missing moment', () => {
    expect(formatMoment(null, 'en')).toBeUndefined();
  });
});

describe('waitTime', () => {
  it('speaks in seconds below two minutes and rounds minutes up', () => {
    expect(waitTime(30)).toEqual({ unit: 'seconds', count: 30 });
    expect(waitTime(0)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitTime(121)).toEqual({ unit: 'minutes', count: 3 });
    expect(waitTime(900)).toEqual({ unit: 'minutes', count: 15 });
  });
});
