import { describe, expect, it } from 'vitest';
import { categoryLabel, dataCategories, draftFromFacts, factSourcesUnder, factsFromDraft } from './case-facts-form.ts';

const facts = {
  sector: 'telecom',
  breach: { confidentiality: 'unknown_recipients', cause: 'hack', malicious: true, occurred_at: '2026-03-01T10:00:00Z' },
  data: { categories: ['name', 'email'], subjects: { min: 100, max: 250 }, vulnerable: [] },
  measures: { text: 'reset passwords' },
};

describe('draftFromFacts', () => {
  it('reads what is known and leaves the rest empty', () => {
    const draft = draftFromFacts(facts);
    expect(draft.confidentiality).toBe('unknown_recipients');
    expect(draft.malicious).toBe('yes');
    expect(draft.ongoing).toBe('');
    expect(draft.personsMin).toBe('100');
    expect(draft.records).toBe('');
    expect(draft.transfer).toBe('');
  });

  it('copes with no facts at all', () => {
    expect(draftFromFacts(null).categories).toEqual([]);
  });
});

describe('factsFromDraft', () => {
  it('round-trips and keeps facts the form does not show', () => {
    const { facts: out, errors } = factsFromDraft(draftFromFacts(facts), facts);
    expect(errors).toEqual({});
    expect(out).toEqual(facts);
  });

  it('writes changes and removes cleared values', () => {
    const draft = { ...draftFromFacts(facts), cause: '', ongoing: 'no' as const, records: '900', transfer: 'yes' as const, destinationCountry: 'us', transferBasis: 'none' };
    const { facts: out } = factsFromDraft(draft, facts);
    expect(out.breach).toEqual({ confidentiality: 'unknown_recipients', malicious: true, ongoing: false, occurred_at: '2026-03-01T10:00:00Z' });
    expect(out.data).toMatchObject({ records: 900 });
    expect(out.transfer).toEqual({ outside_eea: true, destination_country: 'US', basis: 'none' });
  });

  it('refuses a minimum above the maximum and numbers that are not whole', () => {
    const { errors } = factsFromDraft({ ...draftFromFacts(facts), personsMin: '300', records: '1.5' }, facts);
    expect(errors).toEqual({ personsMin: 'minAboveMax', records: 'notWholeNumber' });
  });

  it('refuses a country that is not a two-letter code', () => {
    const { errors } = factsFromDraft({ ...draftFromFacts(facts), transfer: 'yes', destinationCountry: 'USA' }, facts);
    expect(errors.destinationCountry).toBe('countryCode');
  });
});

describe('factSourcesUnder', () => {
  it('lists the recorded source of each fact in a group', () => {
    const sources = {
      'data.subjects': { source: 'user', by: 'u1', at: '2026-03-01T10:00:00Z' },
      'data.categories': { source: 'analysis', at: '2026-03-02T10:00:00Z' },
      'breach.cause': { source: 'user', by: 'u2', at: '2026-03-01T09:00:00Z' },
      database: 'ignored: not under data',
    };
    expect(factSourcesUnder(sources, 'data')).toEqual([
      { path: 'data.categories', kind: 'analysis', by: undefined, at: '2026-03-02T10:00:00Z' },
      { path: 'data.subjects', kind: 'user', by: 'u1', at: '2026-03-01T10:00:00Z' },
    ]);
    expect(factSourcesUnder(null, 'transfer')).toEqual([]);
  });
});

describe('categories', () => {
  it('offers the vocabulary with Dutch and English names', () => {
    expect(dataCategories).toContain('bsn');
    expect(categoryLabel('email', 'nl')).toBe('e-mailadressen');
    expect(categoryLabel('unknown_thing', 'en')).toBe('unknown_thing');
  });
});
