import { describe, expect, it } from 'vitest';
import { isDueForPurge, nextDailyRun, purgeDueAt } from './retention-policy.ts';

describe('retention policy', () => {
  it('makes a case due exactly the retention period after it closed, never an open one', () => {
    const closed = '2025-01-01T12:00:00.000Z';
    expect(purgeDueAt(closed, 365).toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(isDueForPurge(closed, 365, new Date('2026-01-01T11:59:59.999Z'))).toBe(false);
    expect(isDueForPurge(closed, 365, new Date('2026-01-01T12:00:00.000Z'))).toBe(true);
    expect(isDueForPurge(closed, 0, new Date(closed))).toBe(true);
    expect(isDueForPurge(null, 0, new Date('2030-01-01'))).toBe(false);
  });

  it('schedules the daily run at the next 03:00 UTC', () => {
    expect(nextDailyRun(new Date('2026-03-02T02:59:00Z')).toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(nextDailyRun(new Date('2026-03-02T03:00:00Z')).toISOString()).toBe('2026-03-03T03:00:00.000Z');
    expect(nextDailyRun(new Date('2026-12-31T22:00:00Z')).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });
});
