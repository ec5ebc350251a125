import { describe, expect, it } from 'vitest';
import { localMidnight, monthOf, periodBounds } from './register-period.ts';
import { describeFilter, filterForAudit, toRegisterFilter } from './register-filter.ts';

describe('periodBounds', () => {
  it.each([
    ['winter dates', { from: '2026-01-01', to: '2026-01-31' }, { fromIso: '2025-12-31T23:00:00.000Z', beforeIso: '2026-01-31T23:00:00.000Z' }],
    // The clocks go forward on 29 March 2026: the period ends at midnight summer time.
    ['across the spring change', { from: '2026-03-01', to: '2026-03-31' }, { fromIso: '2026-02-28T23:00:00.000Z', beforeIso: '2026-03-31T22:00:00.000Z' }],
    ['a leap day', { from: '2028-02-29', to: '2028-02-29' }, { fromIso: '2028-02-28T23:00:00.000Z', beforeIso: '2028-02-29T23:00:00.000Z' }],
    ['exact instants', { from: '2026-03-01T10:00:00Z', to: '2026-03-01T12:00:00Z' }, { fromIso: '2026-03-01T10:00:00.000Z', beforeIso: '2026-03-01T12:00:00.001Z' }],
    ['nothing', {}, { fromIso: null, beforeIso: null }],
  ])('%s', (_name, period, expected) => {
    expect(periodBounds(period, 'Europe/Amsterdam')).toEqual(expected);
  });

  it('finds local midnight on the days the clocks change', () => {
    expect(localMidnight(2026, 3, 29, 'Europe/Amsterdam')).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight(2026, 3, 30, 'Europe/Amsterdam')).toBe('2026-03-29T22:00:00.000Z');
    expect(localMidnight(2026, 10, 26, 'Europe/Amsterdam')).toBe('2026-10-25T23:00:00.000Z');
    expect(localMidnight(2026, 12, 32, 'UTC')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('reads months on the local calendar', () => {
    expect(monthOf('2026-03-31T22:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-04');
    expect(monthOf('2026-03-31T21:59:59.999Z', 'Europe/Amsterdam')).toBe('2026-03');
    expect(monthOf('2026-03-31T22:00:00.000Z', 'UTC')).toBe('2026-03');
  });
});

describe('register filter', () => {
  it('turns the query into repository terms', () => {
    expect(toRegisterFilter({ from: '2026-01-01', notified: 'no', outcome: 'undecided', cause: 'hack' }, 'Europe/Amsterdam')).toEqual({
      fromIso: '2025-12-31T23:00:00.000Z',
      beforeIso: null,
      cause: 'hack',
      outcome: 'undecided',
      notified: false,
    });
  });

  it('describes itself in both languages and records only what was given', () => {
    const query = { from: '2026-01-01', to: '2026-03-31', cause: 'lost_device' as const, notified: 'yes' as const };
    expect(describeFilter(query, 'nl')).toBe('vanaf 2026-01-01, tot en met 2026-03-31, oorzaak lost device, gemeld ja');
    expect(describeFilter(query, 'en')).toBe('from 2026-01-01, up to 2026-03-31, cause lost device, notified yes');
    expect(describeFilter({}, 'en')).toBe('');
    expect(filterForAudit({ ...query, state: undefined })).toEqual({ from: '2026-01-01', to: '2026-03-31', cause: 'lost_device', notified: 'yes' });
  });
});
