import { describe, expect, it } from 'vitest';
import { evaluateFacts, fillFromCase, mergeImpactFigures, requiredFactPaths, type ImpactFigures } from './case-facts-completion.ts';

const context = { sector: 'telecom', nis2: 'essential', awareAt: '2026-03-01T10:00:00.000Z', detectedAt: null, occurredAt: null };
const complete = {
  sector: 'retail',
  breach: { confidentiality: 'unknown_recipients', malicious: true, cause: 'hack' },
  data: { categories: ['name', 'email'], subjects: { min: 10, max: 20 } },
};

describe('required facts', () => {
  it('are exactly the fields of the format without default', () => {
    expect(requiredFactPaths).toEqual(['sector', 'breach.confidentiality', 'breach.malicious', 'breach.cause', 'data.categories', 'data.subjects']);
  });

  it.each([
    [{}, ['sector', 'breach.confidentiality', 'breach.malicious', 'breach.cause', 'data.categories', 'data.subjects']],
    [{ ...complete, data: { categories: [], subjects: { min: 1, max: 2 } } }, ['data.categories']],
    [{ ...complete, breach: { confidentiality: 'public', cause: 'hack' } }, ['breach.malicious']],
    [{ sector: 'retail', breach: complete.breach }, ['data.categories', 'data.subjects']],
  ])('names what is missing in %j', (facts, missing) => {
    const result = evaluateFacts(facts);
    expect(result.complete).toBe(false);
    if (!result.complete) {
      expect(result.missing).toEqual(missing);
      expect(result.invalid).toEqual([]);
    }
  });

  it('gives validated facts with defaults once nothing is missing', () => {
    const result = evaluateFacts(complete);
    expect(result.complete).toBe(true);
    if (result.complete) expect(result.facts.nis2).toBe('none');
  });

  it('reports a wrong value apart from missing ones', () => {
    const result = evaluateFacts({ ...complete, breach: { ...complete.breach, cause: 'meteor' } });
    expect(result).toMatchObject({ complete: false, missing: [], invalid: [{ field: 'breach.cause' }] });
  });
});

describe('filling facts from the case', () => {
  it("takes the organisation's profile and the case's moments only where nothing was recorded", () => {
    const { facts, sources } = fillFromCase({ sector: 'retail', breach: { cause: 'hack' } }, { sector: { source: 'user', by: 'u1', at: 'x' } }, context);
    expect(facts.sector).toBe('retail');
    expect(facts.nis2).toBe('essential');
    expect(facts.breach).toEqual({ cause: 'hack', aware_at: '2026-03-01T10:00:00.000Z' });
    expect(sources.sector).toEqual({ source: 'user', by: 'u1', at: 'x' });
    expect(sources.nis2?.source).toBe('organisation');
    expect(sources['breach.aware_at']?.source).toBe('case');
    expect(sources['breach.detected_at']).toBeUndefined();
  });

  it('does not change the facts it was given', () => {
    const recorded = { breach: { cause: 'hack' } };
    fillFromCase(recorded, {}, context);
    expect(recorded).toEqual({ breach: { cause: 'hack' } });
  });
});

describe('merging the impact analysis', () => {
  const figures: ImpactFigures = {
    categories: ['name', 'iban'],
    subjects: { min: 5_900_000, max: 6_200_000 },
    records: 21_000_000,
    vulnerable: ['financial_administration'],
    analysedAt: '2026-03-03T08:00:00.000Z',
  };

  it('leaves the facts alone while no analysis exists', () => {
    const result = mergeImpactFigures(complete, {}, null);
    expect(result.facts).toBe(complete);
  });

  it('replaces estimated counts, joins lists and names the analysis as source', () => {
    const recorded = { ...complete, data: { categories: ['email', 'name'], subjects: { min: 1, max: 100 }, records: 3, vulnerable: ['elderly'] } };
    const { facts, sources } = mergeImpactFigures(recorded, { 'data.subjects': { source: 'user', by: 'u1', at: 'y' } }, figures);
    expect(facts.data).toEqual({
      categories: ['name', 'iban', 'email'],
      subjects: { min: 5_900_000, max: 6_200_000 },
      records: 21_000_000,
      vulnerable: ['financial_administration', 'elderly'],
    });
    for (const path of ['data.categories', 'data.subjects', 'data.records', 'data.vulnerable']) {
      expect(sources[path]).toEqual({ source: 'impact_analysis', by: null, at: '2026-03-03T08:00:00.000Z' });
    }
    expect(evaluateFacts(facts).complete).toBe(true);
  });

  it('completes facts that had no data group at all', () => {
    const { facts } = mergeImpactFigures({ sector: 'telecom', breach: complete.breach }, {}, figures);
    expect(evaluateFacts(facts).complete).toBe(true);
  });
});
