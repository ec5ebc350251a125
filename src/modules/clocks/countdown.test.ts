import { describe, expect, it } from 'vitest';
import type { Obligation } from './clocks.schemas.ts';
import { countdown } from './countdown.ts';

const HOUR = 3_600_000;
const dueAt = '2026-06-04T08:00:00.000Z';

function buildObligation(overrides: Partial<Obligation> = {}): Obligation {
  return {
    id: 'gdpr_authority',
    legalBasis: 'GDPR art. 33(1)',
    recipient: 'supervisory_authority',
    startsFrom: 'awareness',
    startedAt: '2026-06-01T08:00:00.000Z',
    dueAt,
    status: 'open',
    notApplicableReason: null,
    notifiedAt: null,
    delayReasonRequired: false,
    delayReason: null,
    ...overrides,
  };
}

const before = (ms: number) => new Date(Date.parse(dueAt) - ms).toISOString();

describe('countdown', () => {
  it.each([
    ['48 hours left', 48 * HOUR, 'ok', false],
    ['exactly 24 hours left', 24 * HOUR, 'ok', false],
    ['just under 24 hours left', 24 * HOUR - 1, 'warning', false],
    ['exactly 6 hours left', 6 * HOUR, 'warning', false],
    ['just under 6 hours left', 6 * HOUR - 1, 'critical', false],
    ['at exactly the deadline', 0, 'critical', false],
    ['one millisecond past the deadline', -1, 'critical', true],
    ['a day past the deadline', -24 * HOUR, 'critical', true],
  ])('%s: %s', (_label, remaining, severity, overdue) => {
    expect(countdown(buildObligation(), before(remaining))).toEqual({ running: true, remainingMs: remaining, overdue, severity });
  });

  it('accepts a Date for now', () => {
    expect(countdown(buildObligation(), new Date(Date.parse(dueAt) - HOUR)).remainingMs).toBe(HOUR);
  });

  it.each([
    ['notified on time', { status: 'met', notifiedAt: before(HOUR) }],
    ['notified late', { status: 'met_late', notifiedAt: before(-HOUR) }],
    ['not applicable', { status: 'not_applicable', dueAt: null, notApplicableReason: 'risk_unlikely' }],
  ] as const)('stops when %s', (_label, overrides) => {
    expect(countdown(buildObligation(overrides), before(-100 * HOUR))).toEqual({ running: false, remainingMs: null, overdue: false, severity: 'ok' });
  });
});
