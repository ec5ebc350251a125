import { describe, expect, it } from 'vitest';
import { caseFactsSchema } from '../risk/index.ts';
import { factsFromReport } from './triage.service.ts';

describe('factsFromReport', () => {
  it('carries the categories and the range of people over in the case-facts format', () => {
    const facts = factsFromReport({ data_categories: JSON.stringify(['name', 'iban']), persons_min: 10, persons_max: null, data_encrypted: 'yes' });
    expect(facts).toEqual({ data: { categories: ['name', 'iban'], subjects: { min: 10, max: 10 } } });
  });

  it('only uses keys of the case-facts format, whatever the report says about encryption', () => {
    for (const data_encrypted of ['yes', 'no', 'unknown'] as const) {
      const facts = factsFromReport({ data_categories: '[]', persons_min: null, persons_max: null, data_encrypted });
      const known = Object.keys(caseFactsSchema.shape);
      expect(Object.keys(facts).every((key) => known.includes(key))).toBe(true);
    }
  });
});
