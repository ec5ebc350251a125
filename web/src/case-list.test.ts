import { describe, expect, it } from 'vitest';
import type { CaseSummary } from './api-types.ts';
import { countOpenCases, newestFirst } from './case-list.ts';

function buildCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return { id: 'c1', reference: 'BD-2026-0001', title: 'Leak', state: 'triage', awareAt: null, createdAt: '2026-03-01T10:00:00.000Z', ...overrides };
}

describe('case list', () => {
  it('counts every case that is not closed as open', () => {
    expect(countOpenCases([buildCase(), buildCase({ state: 'closed' }), buildCase({ state: 'notifying' })])).toBe(2);
    expect(countOpenCases([])).toBe(0);
  });

  it('orders by creation, newest first, without changing the input', () => {
    const input = [buildCase({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }), buildCase({ id: 'new', createdAt: '2026-02-01T00:00:00.000Z' })];
    expect(newestFirst(input).map((c) => c.id)).toEqual(['new', 'old']);
    expect(input[0]?.id).toBe('old');
  });
});
