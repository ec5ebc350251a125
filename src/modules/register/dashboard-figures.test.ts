import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../clocks/index.ts';
import { casesPerMonth, deadlinesAtRisk, hoursToAuthority, median, shareNotifiedOnTime } from './dashboard-figures.ts';
import type { RegisterEntry } from './register.schemas.ts';

function entry(overrides: Partial<RegisterEntry>): RegisterEntry {
  return {
    caseId: 'c',
    reference: 'BD-2026-0001',
    title: 't',
    state: 'closed',
    notABreach: false,
    occurredAt: null,
    detectedAt: null,
    awareAt: null,
    cause: null,
    categories: [],
    personsMin: null,
    personsMax: null,
    records: null,
    riskOutcome: null,
    authorityNotifiedAt: null,
    authorityReference: null,
    notifiedOnTime: null,
    delayReason: null,
    subjectsInformed: false,
    effects: '',
    remedialAction: '',
    decisionReason: '',
    closedAt: null,
    closedReason: null,
    ...overrides,
  };
}

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[30, 10, 20], 20],
    [[72, 10, 30, 20], 25],
  ])('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('hoursToAuthority', () => {
  it('counts only cases with both awareness and a notification, to one decimal', () => {
    const entries = [
      entry({ reference: 'A', awareAt: '2026-03-01T00:00:00.000Z', authorityNotifiedAt: '2026-03-02T12:15:00.000Z' }),
      entry({ reference: 'B', awareAt: '2026-03-01T00:00:00.000Z' }),
      entry({ reference: 'C', authorityNotifiedAt: '2026-03-02T00:00:00.000Z' }),
    ];
    expect(hoursToAuthority(entries)).toEqual([{ reference: 'A', hours: 36.3 }]);
    expect(median(hoursToAuthority([]).map((h) => h.hours))).toBeNull();
  });
});

describe('shareNotifiedOnTime', () => {
  it.each([
    ['no settled cases', [null, null], null],
    ['all on time', [true, true], 1],
    ['one of four late, open ones ignored', [true, false, true, true, null], 0.75],
  ] as const)('%s', (_name, verdicts, expected) => {
    expect(shareNotifiedOnTime(verdicts.map((v) => entry({ notifiedOnTime: v })))).toBe(expected);
  });
});

describe('casesPerMonth', () => {
  const now = '2026-04-15T10:00:00.000Z';
  it('buckets on the Amsterdam calendar, not the UTC one', () => {
    const figures = casesPerMonth(
      [
        // 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time).
        { at: '2026-03-31T23:30:00.000Z', notified: true },
        // 22:59 UTC on 31 March is still 31 March, 00:59 local.
        { at: '2026-03-31T21:59:00.000Z', notified: false },
        // 23:30 UTC on 31 January is 00:30 on 1 February (winter time, +1).
        { at: '2026-01-31T23:30:00.000Z', notified: false },
        // Outside the twelve months shown.
        { at: '2025-04-01T12:00:00.000Z', notified: true },
      ],
      now,
      'Europe/Amsterdam',
    );
    expect(figures).toHaveLength(12);
    expect(figures[0]!.month).toBe('2025-05');
    expect(figures.at(-1)).toEqual({ month: '2026-04', notified: 1, notNotified: 0 });
    expect(figures.find((f) => f.month === '2026-03')).toEqual({ month: '2026-03', notified: 0, notNotified: 1 });
    expect(figures.find((f) => f.month === '2026-02')).toEqual({ month: '2026-02', notified: 0, notNotified: 1 });
    expect(figures.find((f) => f.month === '2026-01')).toEqual({ month: '2026-01', notified: 0, notNotified: 0 });
  });

  it('crosses the year boundary when counting back', () => {
    expect(casesPerMonth([], '2026-01-31T23:30:00.000Z', 'Europe/Amsterdam', 3).map((f) => f.month)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('deadlinesAtRisk', () => {
  const profile = { sector: 'telecom' as const, nis2: 'none' as const };
  const now = '2026-03-03T05:00:00.000Z';
  it('lists running clocks soonest first with their countdown severity, and leaves out the ones met', () => {
    const first = computeDeadlines({ profile, awareAt: '2026-03-02T09:00:00.000Z' }, now);
    const second = computeDeadlines(
      { profile, awareAt: '2026-03-01T09:00:00.000Z', notificationsRecorded: [{ obligation: 'telecom_initial', at: '2026-03-01T20:00:00.000Z' }] },
      now,
    );
    const rows = deadlinesAtRisk(
      [
        { caseId: 'one', reference: 'BD-2026-0001', title: 'One', obligations: first },
        { caseId: 'two', reference: 'BD-2026-0002', title: 'Two', obligations: second },
      ],
      now,
    );
    expect(rows.map((r) => [r.reference, r.obligation, r.severity, r.overdue])).toEqual([
      ['BD-2026-0001', 'telecom_initial', 'critical', false],
      ['BD-2026-0002', 'gdpr_authority', 'ok', false],
      ['BD-2026-0002', 'telecom_complete', 'ok', false],
      ['BD-2026-0001', 'gdpr_authority', 'ok', false],
      ['BD-2026-0001', 'telecom_complete', 'ok', false],
    ]);
    expect(rows[0]).toMatchObject({ dueAt: '2026-03-03T09:00:00.000Z', remainingMs: 4 * 3_600_000 });
    expect(rows[0]!.label.nl).toBe('Eerste melding telecomaanbieder');
  });

  it('marks an overdue clock and puts it first', () => {
    const late = computeDeadlines({ profile: { sector: 'retail', nis2: 'none' }, awareAt: '2026-02-20T09:00:00.000Z' }, now);
    const rows = deadlinesAtRisk([{ caseId: 'x', reference: 'BD-2026-0009', title: 'Late', obligations: late }], now);
    expect(rows).toEqual([expect.objectContaining({ obligation: 'gdpr_authority', overdue: true, severity: 'critical' })]);
    expect(rows[0]!.remainingMs).toBeLessThan(0);
  });
});
