import { describe, expect, it } from 'vitest';
import {
  buildRegisterEntry,
  judgeAuthorityNotification,
  obligationsOfCase,
  summariseFacts,
  type NotificationRow,
  type OrganisationProfile,
  type RegisterCaseRow,
} from './register-entries.ts';

const amsterdam: OrganisationProfile = { sector: 'retail', nis2: 'none', timeZone: 'Europe/Amsterdam' };
const telecom: OrganisationProfile = { ...amsterdam, sector: 'telecom' };
const awareAt = '2026-03-02T09:00:00.000Z';
const gdprDue = '2026-03-05T09:00:00.000Z';

function caseRow(overrides: Partial<RegisterCaseRow> = {}): RegisterCaseRow {
  return {
    id: 'case-1',
    reference: 'BD-2026-0001',
    title: 'Laptop lost on the train',
    state: 'investigating',
    not_a_breach: 0,
    occurred_at: null,
    detected_at: null,
    aware_at: awareAt,
    created_at: '2026-03-02T08:00:00.000Z',
    cause: null,
    risk_outcome: null,
    facts: '{}',
    effects: '',
    remedial_action: '',
    decision_reason: '',
    closed_at: null,
    closed_reason: null,
    ...overrides,
  };
}

function notification(obligation: string, sentAt: string, extra: Partial<NotificationRow> = {}): NotificationRow {
  return { case_id: 'case-1', obligation, sent_at: sentAt, external_reference: null, delay_reason: null, ...extra };
}

describe('judgeAuthorityNotification', () => {
  const cases: Array<{ name: string; profile: OrganisationProfile; sent: NotificationRow[]; now: string; onTime: boolean | null; dueAt: string | null }> = [
    { name: 'no notification, clock still running', profile: amsterdam, sent: [], now: '2026-03-03T09:00:00.000Z', onTime: null, dueAt: gdprDue },
    { name: 'no notification, deadline passed', profile: amsterdam, sent: [], now: '2026-03-05T09:00:00.001Z', onTime: false, dueAt: gdprDue },
    { name: 'exactly at the deadline', profile: amsterdam, sent: [notification('gdpr_authority', gdprDue)], now: '2026-04-01T00:00:00.000Z', onTime: true, dueAt: gdprDue },
    { name: 'one millisecond late', profile: amsterdam, sent: [notification('gdpr_authority', '2026-03-05T09:00:00.001Z')], now: '2026-04-01T00:00:00.000Z', onTime: false, dueAt: gdprDue },
    {
      name: 'the first notification counts, a later follow-up does not',
      profile: amsterdam,
      sent: [notification('gdpr_authority', '2026-03-06T09:00:00.000Z'), notification('gdpr_authority', '2026-03-04T09:00:00.000Z')],
      now: '2026-04-01T00:00:00.000Z',
      onTime: true,
      dueAt: gdprDue,
    },
    {
      name: 'telecom: 24 hours, so 30 hours is late',
      profile: telecom,
      sent: [notification('telecom_initial', '2026-03-03T15:00:00.000Z')],
      now: '2026-04-01T00:00:00.000Z',
      onTime: false,
      dueAt: '2026-03-03T09:00:00.000Z',
    },
    {
      name: 'a CSIRT notification is no authority notification',
      profile: amsterdam,
      sent: [notification('nis2_notification', '2026-03-02T10:00:00.000Z')],
      now: '2026-03-03T00:00:00.000Z',
      onTime: null,
      dueAt: gdprDue,
    },
  ];
  it.each(cases)('$name', ({ profile, sent, now, onTime, dueAt }) => {
    const verdict = judgeAuthorityNotification(sent, obligationsOfCase(caseRow(), sent, profile, now), now);
    expect(verdict.onTime).toBe(onTime);
    expect(verdict.dueAt).toBe(dueAt);
  });

  it('has no verdict without awareness or when the risk is unlikely', () => {
    const now = '2026-06-01T00:00:00.000Z';
    expect(obligationsOfCase(caseRow({ aware_at: null }), [], amsterdam, now)).toBeNull();
    const unlikely = obligationsOfCase(caseRow({ risk_outcome: 'none' }), [], amsterdam, now);
    expect(judgeAuthorityNotification([], unlikely, now)).toEqual({ first: null, dueAt: null, onTime: null });
  });
});

describe('summariseFacts', () => {
  it.each([
    ['empty facts', '{}', { cause: null, categories: [], personsMin: null, personsMax: null, records: null }],
    ['not JSON', 'nonsense', { cause: null, categories: [], personsMin: null, personsMax: null, records: null }],
    [
      'complete facts',
      JSON.stringify({ breach: { cause: 'lost_device' }, data: { categories: ['name', 'health'], subjects: { min: 10, max: 250 }, records: 400 } }),
      { cause: 'lost_device', categories: ['name', 'health'], personsMin: 10, personsMax: 250, records: 400 },
    ],
    ['wrong types', JSON.stringify({ data: { categories: 'name', subjects: { min: '3' }, records: -1 } }), { cause: null, categories: [], personsMin: null, personsMax: null, records: null }],
  ])('%s', (_name, json, expected) => {
    expect(summariseFacts(json)).toEqual(expected);
  });
});

describe('buildRegisterEntry', () => {
  it('combines the case, its facts and its first authority notification', () => {
    const row = caseRow({
      cause: 'stolen_device',
      risk_outcome: 'risk',
      facts: JSON.stringify({ breach: { cause: 'lost_device' }, data: { categories: ['bsn'], subjects: { min: 5, max: 5 } } }),
      effects: 'Possible identity fraud',
      remedial_action: 'Device wiped remotely',
    });
    const sent = [notification('gdpr_authority', '2026-03-06T09:00:00.000Z', { external_reference: 'AP-123', delay_reason: 'Waited for the forensic report' })];
    const entry = buildRegisterEntry({ row, notifications: sent, subjectsInformed: true, profile: amsterdam, now: '2026-04-01T00:00:00.000Z' });
    expect(entry).toMatchObject({
      reference: 'BD-2026-0001',
      notABreach: false,
      cause: 'stolen_device',
      categories: ['bsn'],
      personsMin: 5,
      personsMax: 5,
      records: null,
      authorityNotifiedAt: '2026-03-06T09:00:00.000Z',
      authorityReference: 'AP-123',
      notifiedOnTime: false,
      delayReason: 'Waited for the forensic report',
      subjectsInformed: true,
      effects: 'Possible identity fraud',
      remedialAction: 'Device wiped remotely',
    });
  });

  it('keeps a case closed as not a breach without a deadline verdict', () => {
    const row = caseRow({ not_a_breach: 1, state: 'closed', closed_at: '2026-03-02T12:00:00.000Z', closed_reason: 'Test mail, no personal data' });
    const entry = buildRegisterEntry({ row, notifications: [], subjectsInformed: false, profile: amsterdam, now: '2026-06-01T00:00:00.000Z' });
    expect(entry).toMatchObject({ notABreach: true, notifiedOnTime: null, authorityNotifiedAt: null, closedReason: 'Test mail, no personal data' });
  });
});
