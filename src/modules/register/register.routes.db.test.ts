import { parse } from 'csv-parse/sync';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, createTestClock, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CaseTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { listAuditEvents } from '../audit/index.ts';
import type { Dashboard, RegisterEntry } from './register.schemas.ts';

const now = '2026-03-20T12:00:00.000Z';

async function insertCase(db: DbOrTx, orgId: string, fields: Partial<Insertable<CaseTable>> & { reference: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('cases')
    .values({
      id,
      org_id: orgId,
      title: `Case ${fields.reference}`,
      summary: '',
      state: 'investigating',
      owner_user_id: null,
      aware_at: null,
      created_at: fields.aware_at ?? '2026-03-01T00:00:00.000Z',
      updated_at: now,
      ...fields,
    })
    .execute();
  return id;
}

async function insertNotification(db: DbOrTx, orgId: string, caseId: string, sentAt: string, extra: { external_reference?: string; delay_reason?: string } = {}) {
  await db
    .insertInto('case_notifications')
    .values({ id: newId(), case_id: caseId, org_id: orgId, party_id: null, obligation: 'gdpr_authority', kind: 'initial', sent_at: sentAt, recorded_by: null, created_at: sentAt, ...extra })
    .execute();
}

async function insertReport(db: DbOrTx, orgId: string, reference: string, status: 'new' | 'converted') {
  await db
    .insertInto('reports')
    .values({
      id: newId(),
      org_id: orgId,
      reference,
      source: 'public',
      status,
      case_id: null,
      reporter_role: 'customer',
      reporter_org_name: null,
      reporter_name: null,
      reporter_email: null,
      reporter_phone: null,
      reporter_user_id: null,
      processor_org_id: null,
      api_token_id: null,
      locale: 'nl',
      description: 'Ik kreeg andermans brief',
      occurred_at: null,
      discovered_at: null,
      ongoing: 'no',
      systems: '',
      data_categories: '[]',
      persons_min: null,
      persons_max: null,
      data_encrypted: 'unknown',
      processor_aware_at: null,
      processor_reported_at: null,
      triage_reason: null,
      triaged_by: null,
      triaged_at: null,
      created_at: now,
    })
    .execute();
}

describeOnDatabases('register and dashboard routes', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let auditor: SignedIn;
  let officerOfB: SignedIn;
  let denied: SignedIn[];
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    const db = getDb().db;
    t = await buildTestApp(getDb(), { clock: createTestClock(now) });
    orgA = (await buildOrganisation(db, { name: 'Woningcorporatie Zuidë', sector: 'retail', time_zone: 'Europe/Amsterdam' })).id;
    orgB = (await buildOrganisation(db, { name: 'Other organisation', sector: 'retail' })).id;
    const users = {
      officer: await buildUser(db, { org_id: orgA, role: 'privacy_officer', locale: 'nl' }),
      auditor: await buildUser(db, { org_id: orgA, role: 'auditor' }),
      staff: await buildUser(db, { org_id: orgA, role: 'staff_reporter' }),
      processor: await buildUser(db, { org_id: orgA, role: 'processor', processor_org_id: orgB }),
      officerOfB: await buildUser(db, { org_id: orgB, role: 'privacy_officer' }),
    };
    officer = await signIn(t.app, users.officer.email);
    auditor = await signIn(t.app, users.auditor.email);
    officerOfB = await signIn(t.app, users.officerOfB.email);
    denied = [await signIn(t.app, users.staff.email), await signIn(t.app, users.processor.email)];

    const notifiedOnTime = await insertCase(db, orgA, {
      reference: 'BD-2026-0101',
      aware_at: '2026-03-02T09:00:00.000Z',
      cause: 'hack',
      risk_outcome: 'risk',
      state: 'closed',
      closed_at: '2026-03-12T09:00:00.000Z',
      facts: JSON.stringify({ breach: { cause: 'hack' }, data: { categories: ['name', 'email'], subjects: { min: 100, max: 400 }, records: 900 } }),
      effects: 'Mailadressen ingezien door een aanvaller',
      remedial_action: 'Wachtwoorden gereset',
    });
    await insertNotification(db, orgA, notifiedOnTime, '2026-03-04T09:00:00.000Z', { external_reference: 'AP-2026-1' });
    await db
      .insertInto('case_tasks')
      .values({ id: newId(), case_id: notifiedOnTime, org_id: orgA, template_key: 'inform_people', title: 'Betrokkenen informeren', assignee_user_id: null, due_at: null, status: 'done', completed_at: now, completed_by: null, created_at: now })
      .execute();
    const notifiedLate = await insertCase(db, orgA, { reference: 'BD-2026-0102', aware_at: '2026-03-10T09:00:00.000Z', cause: 'lost_device', risk_outcome: 'high', state: 'notifying' });
    await insertNotification(db, orgA, notifiedLate, '2026-03-14T09:00:00.000Z', { delay_reason: 'Forensisch onderzoek afgewacht' });
    await insertCase(db, orgA, {
      reference: 'BD-2026-0103',
      created_at: '2026-03-05T10:00:00.000Z',
      state: 'closed',
      not_a_breach: 1,
      closed_at: '2026-03-05T11:00:00.000Z',
      closed_reason: 'Geen persoonsgegevens',
    });
    await insertCase(db, orgA, { reference: 'BD-2026-0104', title: '=SUM(1)', aware_at: '2026-03-19T20:00:00.000Z' });
    // 23:30 UTC on 27 February is 00:30 on 28 February in Amsterdam.
    await insertCase(db, orgA, { reference: 'BD-2026-0105', aware_at: '2026-02-27T23:30:00.000Z', cause: 'misdirected' });
    await insertCase(db, orgB, { reference: 'BD-2026-0201', aware_at: '2026-03-03T09:00:00.000Z', cause: 'hack', state: 'closed' });
    await insertReport(db, orgA, 'MLD-2026-0001', 'new');
    await insertReport(db, orgA, 'MLD-2026-0002', 'converted');
    await insertReport(db, orgB, 'MLD-2026-0003', 'new');
  });

  afterAll(async () => {
    await t.app.close();
  });

  const get = (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const references = async (url: string, who: SignedIn = officer) => ((await get(url, who)).json() as { entries: RegisterEntry[] }).entries.map((e) => e.reference);

  it('lists every case of the organisation, newest first, breaches or not, and nothing of another organisation', async () => {
    const response = await get('/api/register', officer);
    expect(response.statusCode).toBe(200);
    const entries = (response.json() as { entries: RegisterEntry[] }).entries;
    expect(entries.map((e) => e.reference)).toEqual(['BD-2026-0104', 'BD-2026-0102', 'BD-2026-0103', 'BD-2026-0101', 'BD-2026-0105']);
    const byRef = Object.fromEntries(entries.map((e) => [e.reference, e]));
    expect(byRef['BD-2026-0101']).toMatchObject({
      notifiedOnTime: true,
      authorityNotifiedAt: '2026-03-04T09:00:00.000Z',
      authorityReference: 'AP-2026-1',
      subjectsInformed: true,
      categories: ['name', 'email'],
      personsMin: 100,
      personsMax: 400,
      records: 900,
      remedialAction: 'Wachtwoorden gereset',
    });
    expect(byRef['BD-2026-0102']).toMatchObject({ notifiedOnTime: false, delayReason: 'Forensisch onderzoek afgewacht', subjectsInformed: false });
    expect(byRef['BD-2026-0103']).toMatchObject({ notABreach: true, notifiedOnTime: null, closedReason: 'Geen persoonsgegevens' });
    expect(byRef['BD-2026-0104']!.notifiedOnTime).toBeNull();
    expect(byRef['BD-2026-0105']!.notifiedOnTime).toBe(false);
    expect(await references('/api/register', officerOfB)).toEqual(['BD-2026-0201']);
  });

  describe('filters', () => {
    it.each([
      ['notified=yes', ['BD-2026-0102', 'BD-2026-0101']],
      ['notified=no', ['BD-2026-0104', 'BD-2026-0103', 'BD-2026-0105']],
      ['cause=hack', ['BD-2026-0101']],
      ['outcome=high', ['BD-2026-0102']],
      ['outcome=undecided', ['BD-2026-0104', 'BD-2026-0103', 'BD-2026-0105']],
      ['state=closed', ['BD-2026-0103', 'BD-2026-0101']],
      ['from=2026-03-01&to=2026-03-05', ['BD-2026-0103', 'BD-2026-0101']],
      ['from=2026-02-28&to=2026-02-28', ['BD-2026-0105']],
      ['from=2026-03-10T09:00:00Z&state=notifying', ['BD-2026-0102']],
    ])('%s', async (query, expected) => {
      expect(await references(`/api/register?${query}`)).toEqual(expected);
    });

    it('refuses an unknown cause or a malformed date', async () => {
      const response = await get('/api/register?cause=aliens&from=yesterday', officer);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });
  });

  it('exports CSV that parses back to the filtered rows, neutralises formulas and is audited without personal data', async () => {
    const response = await get('/api/register.csv?notified=no', officer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="breach-register-2026-03-20.csv"');
    const rows = parse(response.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.reference)).toEqual(['BD-2026-0104', 'BD-2026-0103', 'BD-2026-0105']);
    expect(rows[0]!.title).toBe("'=SUM(1)");
    expect(rows[1]).toMatchObject({ notABreach: 'yes', closedReason: 'Geen persoonsgegevens' });

    const exports = (await listAuditEvents(getDb().db, orgA, { limit: 50 })).filter((e) => e.action === 'register.exported');
    expect(exports[0]).toMatchObject({ subjectType: 'register', details: { format: 'csv', filter: { notified: 'no' }, entries: 3 } });
  });

  it('exports a PDF with the organisation and is audited', async () => {
    const response = await get('/api/register.pdf?cause=hack', auditor);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b/);
    const exports = (await listAuditEvents(getDb().db, orgA, { limit: 50 })).filter((e) => e.action === 'register.exported');
    expect(exports[0]).toMatchObject({ details: { format: 'pdf', filter: { cause: 'hack' }, entries: 1 } });
  });

  it('computes the dashboard figures of the organisation', async () => {
    const response = await get('/api/dashboard', officer);
    expect(response.statusCode).toBe(200);
    const dashboard = response.json() as Dashboard;
    expect(dashboard.openCasesByState).toEqual({ investigating: 2, notifying: 1 });
    expect(dashboard.reportsAwaitingTriage).toBe(1);
    expect(dashboard.hoursToAuthority).toEqual([
      { reference: 'BD-2026-0102', hours: 96 },
      { reference: 'BD-2026-0101', hours: 48 },
    ]);
    expect(dashboard.medianHoursToAuthority).toBe(72);
    expect(dashboard.shareNotifiedOnTime).toBeCloseTo(1 / 3);
    expect(dashboard.casesPerMonth).toHaveLength(12);
    expect(dashboard.casesPerMonth.at(-1)).toEqual({ month: '2026-03', notified: 2, notNotified: 1 });
    expect(dashboard.casesPerMonth.at(-2)).toEqual({ month: '2026-02', notified: 0, notNotified: 1 });
    expect(dashboard.deadlinesAtRisk.map((d) => [d.reference, d.obligation, d.overdue, d.severity])).toEqual([
      ['BD-2026-0105', 'gdpr_authority', true, 'critical'],
      ['BD-2026-0104', 'gdpr_authority', false, 'ok'],
    ]);
    expect(dashboard.deadlinesAtRisk[1]).toMatchObject({ dueAt: '2026-03-22T20:00:00.000Z', remainingMs: 56 * 3_600_000 });

    // B's only case was closed without a risk decision or a notification: its deadline counts as missed.
    const other = (await get('/api/dashboard', officerOfB)).json() as Dashboard;
    expect(other).toMatchObject({ openCasesByState: {}, reportsAwaitingTriage: 1, deadlinesAtRisk: [], medianHoursToAuthority: null, shareNotifiedOnTime: 0 });
  });

  it('answers staff reporters and processors as if the register did not exist, and asks strangers to sign in', async () => {
    for (const url of ['/api/register', '/api/register.csv', '/api/register.pdf', '/api/dashboard']) {
      for (const who of denied) {
        const response = await get(url, who);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const exports = (await listAuditEvents(getDb().db, orgA, { limit: 50 })).filter((e) => e.action === 'register.exported');
    expect(exports).toHaveLength(2);
  });
});
