import type { CaseSummary } from './api-types.ts';

export const closedState = 'closed';

export function countOpenCases(cases: readonly CaseSummary[]): number {
  return cases.filter((c) => c.state !== closedState).length;
}

/** ISO-8601 UTC text sorts in time order, so a string comparison is enough. */
export function newestFirst(cases: readonly CaseSummary[]): CaseSummary[] {
  return [...cases].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
