import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/app-error.ts';
import { buildCaseFactsJsonSchema } from './case-facts.schemas.ts';
import { parseCaseFacts } from './parse-case-facts.ts';

describe('case-facts JSON Schema', () => {
  it('the committed docs/case-facts.schema.json is the one generated from the zod schema', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../../docs/case-facts.schema.json', import.meta.url), 'utf8'));
    // Regenerate with: npx breachdesk assess --schema > docs/case-facts.schema.json
    expect(committed).toEqual(buildCaseFactsJsonSchema());
  });
});

describe('parseCaseFacts', () => {
  it('names every bad field', () => {
    let caught: unknown;
    try {
      parseCaseFacts({
        sector: 'mining',
        breach: { confidentiality: 'leaked', malicious: 'yes', cause: 'hack', aware_at: 'yesterday' },
        data: { categories: ['name', 'shoe_size'], subjects: { min: 5, max: 2 } },
        extra: true,
      });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    const fields = isAppError(caught) ? caught.issues.map((issue) => issue.field) : [];
    expect(fields).toEqual(
      expect.arrayContaining(['sector', 'breach.confidentiality', 'breach.malicious', 'breach.aware_at', 'data.categories.1', 'data.subjects.min', 'extra']),
    );
  });

  it('fills in the defaults', () => {
    const facts = parseCaseFacts({
      sector: 'retail',
      breach: { confidentiality: 'none', malicious: false, cause: 'other' },
      data: { categories: ['email'], subjects: { min: 1, max: 1 } },
    });
    expect(facts).toMatchObject({
      nis2: 'none',
      controller_traits: [],
      breach: { integrity: 'none', availability: 'none', ongoing: false },
      data: { vulnerable: [], protection: 'none', backup_available: false, insight: 'detailed' },
      measures: { disproportionate_effort: false },
    });
  });
});
