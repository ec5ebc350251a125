import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { causeOf, updateFactSources, validatePartialFacts } from './case-facts-input.ts';

function issuesOf(input: unknown): Array<{ field: string; message: string }> {
  try {
    validatePartialFacts(input);
  } catch (error) {
    return (error as AppError).issues;
  }
  throw new Error('expected a validation error');
}

describe('partial case facts', () => {
  it('accepts facts recorded one at a time and stores them without defaults', () => {
    expect(validatePartialFacts({ breach: { cause: 'hack' } })).toEqual({ breach: { cause: 'hack' } });
    expect(validatePartialFacts({})).toEqual({});
    expect(validatePartialFacts({ data: { categories: ['name', 'iban'], subjects: { min: 1, max: 10 } } })).toEqual({
      data: { categories: ['name', 'iban'], subjects: { min: 1, max: 10 } },
    });
  });

  it('names the field of a wrong value', () => {
    expect(issuesOf({ breach: { cause: 'aliens' } }).map((i) => i.field)).toEqual(['facts.breach.cause']);
    expect(issuesOf({ data: { subjects: { min: 5, max: 1 } } }).map((i) => i.field)).toEqual(['facts.data.subjects.min']);
    expect(issuesOf({ data: { categories: ['name', 'shoe_size'] } }).map((i) => i.field)).toEqual(['facts.data.categories.1']);
  });

  it('names an unknown field at any level', () => {
    expect(issuesOf({ colour: 'red' })[0]).toMatchObject({ field: 'facts.colour', message: expect.stringContaining('colour') });
    expect(issuesOf({ breach: { severity: 3 } })[0]!.field).toBe('facts.breach.severity');
  });

  it('reads the cause', () => {
    expect(causeOf({ breach: { cause: 'insider' } })).toBe('insider');
    expect(causeOf({})).toBeNull();
  });
});

describe('fact sources', () => {
  const earlier = { source: 'report', by: null, at: '2026-03-01T10:00:00.000Z' };
  const change = { source: 'user', by: 'u-2', at: '2026-03-02T10:00:00.000Z' };

  it('attributes new and changed facts to the change and keeps the source of unchanged ones', () => {
    const before = { sector: 'telecom', data: { categories: ['name'], records: 10 } };
    const after = { sector: 'telecom', data: { categories: ['name', 'iban'] }, breach: { cause: 'hack' } };
    const result = updateFactSources(before, after, { sector: earlier, 'data.categories': earlier, 'data.records': earlier }, change);
    expect(result.sources).toEqual({ sector: earlier, 'data.categories': change, 'breach.cause': change });
    expect(result.changed).toEqual(['breach.cause', 'data.categories', 'data.records']);
  });
});
