import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import type { ClockInput, Obligation, ObligationId } from './clocks.schemas.ts';
import { computeDeadlines, requiresDelayReason } from './compute-deadlines.ts';
import { toWallTime } from './zoned-calendar.ts';

const HOUR = 3_600_000;
const AMSTERDAM = 'Europe/Amsterdam';

function buildClockInput(overrides: Partial<ClockInput> = {}): ClockInput {
  return {
    profile: { sector: 'other', nis2: 'none' },
    awareAt: '2026-06-01T08:00:00.000Z',
    ...overrides,
  };
}

function plus(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

function obligation(rows: Obligation[], id: ObligationId): Obligation {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no ${id} row`);
  return row;
}

const aware = '2026-06-01T08:00:00.000Z';
const early = '2026-06-01T09:00:00.000Z';

describe('computeDeadlines: shape', () => {
  it('always lists every clock in a fixed order, the ones that do not apply with a reason', () => {
    const rows = computeDeadlines(buildClockInput(), early);
    expect(rows.map((r) => r.id)).toEqual([
      'gdpr_authority',
      'telecom_initial',
      'telecom_complete',
      'nis2_early_warning',
      'nis2_notification',
      'nis2_final_report',
      'processor_to_controller',
    ]);
    expect(rows.map((r) => [r.id, r.status, r.notApplicableReason])).toEqual([
      ['gdpr_authority', 'open', null],
      ['telecom_initial', 'not_applicable', 'not_telecom_provider'],
      ['telecom_complete', 'not_applicable', 'not_telecom_provider'],
      ['nis2_early_warning', 'not_applicable', 'not_nis2_entity'],
      ['nis2_notification', 'not_applicable', 'not_nis2_entity'],
      ['nis2_final_report', 'not_applicable', 'not_nis2_entity'],
      ['processor_to_controller', 'not_applicable', 'no_processor_involved'],
    ]);
    for (const row of rows.filter((r) => r.status === 'not_applicable')) expect(row.dueAt).toBeNull();
  });

  it('names the legal basis, the recipient and the start moment of each clock', () => {
    const gdpr = obligation(computeDeadlines(buildClockInput(), early), 'gdpr_authority');
    expect(gdpr).toMatchObject({
      legalBasis: expect.stringContaining('art. 33(1)'),
      recipient: 'supervisory_authority',
      startsFrom: 'awareness',
      startedAt: aware,
      dueAt: '2026-06-04T08:00:00.000Z',
    });
  });

  it('stores instants given without milliseconds in the one canonical form', () => {
    const gdpr = obligation(computeDeadlines(buildClockInput({ awareAt: '2026-06-01T08:00:00Z' }), early), 'gdpr_authority');
    expect(gdpr.startedAt).toBe('2026-06-01T08:00:00.000Z');
  });

  it.each([
    ['a local offset instead of UTC', { awareAt: '2026-06-01T10:00:00+02:00' }, 'awareAt'],
    ['an impossible date', { awareAt: '2026-02-30T08:00:00Z' }, 'awareAt'],
    ['a zero-hour processor deadline', { processorDeadlineHours: 0 }, 'processorDeadlineHours'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['an unknown obligation', { notificationsRecorded: [{ obligation: 'gdpr_subjects' as ObligationId, at: aware }] }, 'notificationsRecorded.0.obligation'],
  ])('refuses %s, naming the field', (_label, overrides, field) => {
    const attempt = () => computeDeadlines(buildClockInput(overrides), early);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).issues.map((i) => i.field)).toContain(field);
    }
  });
});

describe('computeDeadlines: GDPR art. 33(1)', () => {
  const due = '2026-06-04T08:00:00.000Z';

  it.each([
    ['notified well before', plus(aware, 10 * HOUR), 'met', false],
    ['notified at exactly 72 hours', due, 'met', false],
    ['notified one millisecond after 72 hours', plus(due, 1), 'met_late', true],
    ['notified days later', plus(due, 50 * HOUR), 'met_late', true],
  ])('%s', (_label, at, status, reasonRequired) => {
    const row = obligation(
      computeDeadlines(buildClockInput({ notificationsRecorded: [{ obligation: 'gdpr_authority', at }] }), plus(due, 100 * HOUR)),
      'gdpr_authority',
    );
    expect(row).toMatchObject({ dueAt: due, status, notifiedAt: at, delayReasonRequired: reasonRequired });
    expect(requiresDelayReason(row, at)).toBe(reasonRequired);
  });

  it.each([
    ['an hour after awareness', plus(aware, HOUR), 'open', false],
    ['at exactly the deadline', due, 'open', false],
    ['one millisecond past the deadline', plus(due, 1), 'overdue', true],
  ])('without a notification, %s the clock is %s', (_label, now, status, reasonRequired) => {
    const row = obligation(computeDeadlines(buildClockInput(), now), 'gdpr_authority');
    expect(row.status).toBe(status);
    expect(row.delayReasonRequired).toBe(reasonRequired);
  });

  it.each([
    [undefined, 'open'],
    ['risk', 'open'],
    ['high', 'open'],
    ['none', 'not_applicable'],
  ] as const)('with risk outcome %s the authority clock is %s', (riskOutcome, status) => {
    const row = obligation(computeDeadlines(buildClockInput({ riskOutcome }), early), 'gdpr_authority');
    expect(row.status).toBe(status);
    expect(row.notApplicableReason).toBe(status === 'not_applicable' ? 'risk_unlikely' : null);
    expect(requiresDelayReason(row, plus(aware, 200 * HOUR))).toBe(status !== 'not_applicable');
  });

  it('takes the first of several notifications (later ones supplement it) and keeps its reason for delay', () => {
    const row = obligation(
      computeDeadlines(
        buildClockInput({
          notificationsRecorded: [
            { obligation: 'gdpr_authority', at: plus(aware, 90 * HOUR) },
            { obligation: 'gdpr_authority', at: plus(aware, 80 * HOUR), delayReason: 'Forensic report needed to confirm exfiltration' },
          ],
        }),
        plus(aware, 100 * HOUR),
      ),
      'gdpr_authority',
    );
    expect(row).toMatchObject({
      notifiedAt: plus(aware, 80 * HOUR),
      status: 'met_late',
      delayReason: 'Forensic report needed to confirm exfiltration',
    });
  });
});

describe('computeDeadlines: telecom (ePrivacy art. 4(3), Regulation 611/2013)', () => {
  const telecom = { profile: { sector: 'telecom', nis2: 'none' } } as const;
  const detected = '2026-05-31T20:00:00.000Z';

  it('runs 24 hours from detection and 3 days after the initial deadline while no initial notification exists', () => {
    const rows = computeDeadlines(buildClockInput({ ...telecom, detectedAt: detected }), early);
    expect(obligation(rows, 'telecom_initial')).toMatchObject({
      status: 'open',
      startsFrom: 'detection',
      startedAt: detected,
      dueAt: '2026-06-01T20:00:00.000Z',
    });
    expect(obligation(rows, 'telecom_complete')).toMatchObject({
      status: 'open',
      startsFrom: 'telecom_initial_deadline',
      startedAt: '2026-06-01T20:00:00.000Z',
      dueAt: '2026-06-04T20:00:00.000Z',
    });
  });

  it('falls back to the moment of awareness when detection was not recorded', () => {
    const row = obligation(computeDeadlines(buildClockInput(telecom), early), 'telecom_initial');
    expect(row).toMatchObject({ startsFrom: 'awareness', startedAt: aware, dueAt: '2026-06-02T08:00:00.000Z' });
  });

  it('counts the complete notification from the initial notification once it is made', () => {
    const initialAt = '2026-06-01T10:15:00.000Z';
    const rows = computeDeadlines(
      buildClockInput({ ...telecom, detectedAt: detected, notificationsRecorded: [{ obligation: 'telecom_initial', at: initialAt }] }),
      early,
    );
    expect(obligation(rows, 'telecom_initial').status).toBe('met');
    expect(obligation(rows, 'telecom_complete')).toMatchObject({
      startsFrom: 'telecom_initial_notification',
      startedAt: initialAt,
      dueAt: '2026-06-04T10:15:00.000Z',
    });
  });

  it('applies even when the breach is unlikely to result in a risk, because the ePrivacy duty has no threshold', () => {
    const rows = computeDeadlines(buildClockInput({ ...telecom, riskOutcome: 'none' }), early);
    expect(obligation(rows, 'gdpr_authority').status).toBe('not_applicable');
    expect(obligation(rows, 'telecom_initial').status).toBe('open');
  });

  it.each(['energy', 'health', 'finance', 'education', 'public', 'retail', 'other'] as const)('does not apply to sector %s', (sector) => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector, nis2: 'none' } }), early);
    expect(obligation(rows, 'telecom_initial').notApplicableReason).toBe('not_telecom_provider');
    expect(obligation(rows, 'telecom_complete').notApplicableReason).toBe('not_telecom_provider');
  });
});

describe('computeDeadlines: NIS2 art. 23(4)', () => {
  it.each(['essential', 'important'] as const)('runs the early warning (24 h) and notification (72 h) for %s entities', (nis2) => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector: 'energy', nis2 } }), early);
    expect(obligation(rows, 'nis2_early_warning')).toMatchObject({ status: 'open', recipient: 'csirt', dueAt: '2026-06-02T08:00:00.000Z' });
    expect(obligation(rows, 'nis2_notification')).toMatchObject({ status: 'open', recipient: 'csirt', dueAt: '2026-06-04T08:00:00.000Z' });
    expect(obligation(rows, 'nis2_final_report')).toMatchObject({
      status: 'not_applicable',
      notApplicableReason: 'awaiting_nis2_notification',
      startedAt: null,
    });
  });

  it('starts the final report clock one calendar month after the incident notification', () => {
    const notifiedAt = '2026-06-03T14:00:00.000Z';
    const row = obligation(
      computeDeadlines(
        buildClockInput({
          profile: { sector: 'energy', nis2: 'essential' },
          notificationsRecorded: [{ obligation: 'nis2_notification', at: notifiedAt }],
        }),
        early,
      ),
      'nis2_final_report',
    );
    expect(row).toMatchObject({ status: 'open', startsFrom: 'nis2_notification', startedAt: notifiedAt, dueAt: '2026-07-03T14:00:00.000Z' });
  });

  it('does not run for an incident decided not to be significant', () => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector: 'energy', nis2: 'essential' }, nis2Significant: false }), early);
    for (const id of ['nis2_early_warning', 'nis2_notification', 'nis2_final_report'] as const) {
      expect(obligation(rows, id).notApplicableReason).toBe('nis2_not_significant');
    }
  });

  it('runs beside the GDPR and telecom clocks, not instead of them', () => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector: 'telecom', nis2: 'essential' } }), early);
    expect(rows.filter((r) => r.status === 'open').map((r) => r.id)).toEqual([
      'gdpr_authority',
      'telecom_initial',
      'telecom_complete',
      'nis2_early_warning',
      'nis2_notification',
    ]);
  });

  // The month is counted on the local calendar and keeps the local wall time; a shorter month clamps to its last day.
  it.each([
    ['31 Jan in a leap year -> 29 Feb', '2028-01-31T09:00:00.000Z', '2028-02-29T09:00:00.000Z'],
    ['31 Jan in a common year -> 28 Feb', '2027-01-31T09:00:00.000Z', '2027-02-28T09:00:00.000Z'],
    ['29 Feb 2028 -> 29 Mar 2028', '2028-02-29T09:00:00.000Z', '2028-03-29T08:00:00.000Z'],
    ['31 Mar -> 30 Apr', '2026-03-31T08:00:00.000Z', '2026-04-30T08:00:00.000Z'],
    ['31 Dec -> 31 Jan of the next year', '2026-12-31T09:00:00.000Z', '2027-01-31T09:00:00.000Z'],
    ['15 Mar 10:00 CET -> 15 Apr 10:00 CEST', '2026-03-15T09:00:00.000Z', '2026-04-15T08:00:00.000Z'],
    ['15 Oct 10:00 CEST -> 15 Nov 10:00 CET', '2026-10-15T08:00:00.000Z', '2026-11-15T09:00:00.000Z'],
    ['00:30 on 31 Mar local (still 30 Mar in UTC) -> 30 Apr local', '2026-03-30T22:30:00.000Z', '2026-04-29T22:30:00.000Z'],
  ])('final report: %s', (_label, notifiedAt, due) => {
    const row = obligation(
      computeDeadlines(
        buildClockInput({
          profile: { sector: 'energy', nis2: 'important' },
          awareAt: plus(notifiedAt, -10 * HOUR),
          notificationsRecorded: [{ obligation: 'nis2_notification', at: notifiedAt }],
          timeZone: AMSTERDAM,
        }),
        notifiedAt,
      ),
      'nis2_final_report',
    );
    expect(row.dueAt).toBe(due);
  });
});

describe('computeDeadlines: processor to controller (GDPR art. 33(2))', () => {
  const processorAwareAt = '2026-06-01T06:00:00.000Z';

  it.each([
    [undefined, '2026-06-02T06:00:00.000Z'],
    [24, '2026-06-02T06:00:00.000Z'],
    [48, '2026-06-03T06:00:00.000Z'],
    [4, '2026-06-01T10:00:00.000Z'],
  ])('with a contractual deadline of %s hours is due at %s', (processorDeadlineHours, due) => {
    const input = buildClockInput({ processorAwareAt, ...(processorDeadlineHours === undefined ? {} : { processorDeadlineHours }) });
    const row = obligation(computeDeadlines(input, early), 'processor_to_controller');
    expect(row).toMatchObject({ status: 'open', recipient: 'controller', startsFrom: 'processor_awareness', dueAt: due });
  });

  it.each([
    ['at exactly the contractual deadline', '2026-06-02T06:00:00.000Z', 'met'],
    ['one millisecond after it', '2026-06-02T06:00:00.001Z', 'met_late'],
  ])('a processor report %s is %s', (_label, processorReportedAt, status) => {
    const row = obligation(computeDeadlines(buildClockInput({ processorAwareAt, processorReportedAt }), early), 'processor_to_controller');
    expect(row.status).toBe(status);
    expect(row.notifiedAt).toBe(processorReportedAt);
  });

  it('takes the earlier of the processor report moment and a recorded notification', () => {
    const row = obligation(
      computeDeadlines(
        buildClockInput({
          processorAwareAt,
          processorReportedAt: '2026-06-02T12:00:00.000Z',
          notificationsRecorded: [{ obligation: 'processor_to_controller', at: '2026-06-01T20:00:00.000Z' }],
        }),
        early,
      ),
      'processor_to_controller',
    );
    expect(row).toMatchObject({ notifiedAt: '2026-06-01T20:00:00.000Z', status: 'met' });
  });
});

describe('computeDeadlines: hours are elapsed time across daylight saving changes (Europe/Amsterdam)', () => {
  it.each([
    // Last Sunday of March 2026 is 29 March: clocks go from 02:00 CET to 03:00 CEST.
    ['GDPR from Fri 27 Mar 10:00 CET', 'gdpr_authority', '2026-03-27T09:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-03-30', '11:00'],
    ['telecom from Sat 28 Mar 12:00 CET', 'telecom_initial', '2026-03-28T11:00:00.000Z', '2026-03-29T11:00:00.000Z', '2026-03-29', '13:00'],
    // Last Sunday of October 2026 is 25 October: clocks go from 03:00 CEST back to 02:00 CET.
    ['GDPR from Fri 23 Oct 10:00 CEST', 'gdpr_authority', '2026-10-23T08:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-26', '09:00'],
    ['telecom from Sat 24 Oct 12:00 CEST', 'telecom_initial', '2026-10-24T10:00:00.000Z', '2026-10-25T10:00:00.000Z', '2026-10-25', '11:00'],
  ] as const)('%s lands at a different local wall time', (_label, id, awareAt, due, localDate, localTime) => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector: 'telecom', nis2: 'none' }, awareAt }), awareAt);
    const row = obligation(rows, id);
    expect(row.dueAt).toBe(due);
    expect(Date.parse(due) - Date.parse(awareAt)).toBe((id === 'gdpr_authority' ? 72 : 24) * HOUR);
    const wall = toWallTime(due, AMSTERDAM);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(`${wall.year}-${pad(wall.month)}-${pad(wall.day)}`).toBe(localDate);
    expect(`${pad(wall.hour)}:${pad(wall.minute)}`).toBe(localTime);
  });
});

describe('computeDeadlines: leap days', () => {
  it.each([
    ['GDPR across 29 Feb 2028', 'gdpr_authority', '2028-02-27T12:00:00.000Z', '2028-03-01T12:00:00.000Z'],
    ['GDPR across the end of February 2027 (no leap day)', 'gdpr_authority', '2027-02-27T12:00:00.000Z', '2027-03-02T12:00:00.000Z'],
    ['NIS2 early warning onto 29 Feb 2028', 'nis2_early_warning', '2028-02-28T23:00:00.000Z', '2028-02-29T23:00:00.000Z'],
    ['NIS2 notification starting on 29 Feb 2028', 'nis2_notification', '2028-02-29T10:00:00.000Z', '2028-03-03T10:00:00.000Z'],
  ] as const)('%s', (_label, id, awareAt, due) => {
    const rows = computeDeadlines(buildClockInput({ profile: { sector: 'energy', nis2: 'essential' }, awareAt }), awareAt);
    expect(obligation(rows, id).dueAt).toBe(due);
  });
});
