import { caseFactsSchema, type CaseFacts, type CaseFactsInput } from './case-facts.schemas.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * Test facts: a small, non-malicious misdirected e-mail with names only, which each test changes in
 * the one respect it is about.
 */
export function buildFacts(overrides: DeepPartial<CaseFactsInput> = {}): CaseFacts {
  const base: CaseFactsInput = {
    sector: 'other',
    breach: { confidentiality: 'known_recipients', malicious: false, cause: 'misdirected' },
    data: { categories: ['name'], subjects: { min: 1, max: 1 } },
  };
  return caseFactsSchema.parse({
    ...base,
    ...overrides,
    breach: { ...base.breach, ...overrides.breach },
    data: { ...base.data, ...overrides.data },
    ...(overrides.measures ? { measures: overrides.measures } : {}),
  });
}
