import { describe, expect, it } from 'vitest';
import { monthLabel, openStateCounts, sharePercent, totalOpen } from './dashboard-figures.ts';

describe('sharePercent', () => {
  it('reads fractions and percentages alike', () => {
    expect(sharePercent(0.875)).toBe(88);
    expect(sharePercent(1)).toBe(100);
    expect(sharePercent(66.4)).toBe(66);
    expect(sharePercent(null)).toBeNull();
  });
});

describe('openStateCounts', () => {
  it('orders by the lifecycle and drops empty states', () => {
    expect(openStateCounts({ notifying: 1, reported: 2, triage: 0, odd: 4, investigating: 3 })).toEqual([
      { state: 'reported', count: 2 },
      { state: 'investigating', count: 3 },
      { state: 'notifying', count: 1 },
      { state: 'odd', count: 4 },
    ]);
  });

  it('counts only states that are not closed as open', () => {
    expect(totalOpen({ reported: 2, closed: 5, investigating: 1 })).toBe(3);
  });
});

describe('monthLabel', () => {
  it('names the month in the reader language', () => {
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(monthLabel('2026-03', 'nl')).toMatch(/mrt/);
    expect(monthLabel('bad', 'en')).toBe('bad');
  });
});
