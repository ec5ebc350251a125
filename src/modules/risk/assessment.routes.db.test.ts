import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, createTestClock, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { newId } from '../../shared/ids.ts';
import { createCase } from '../cases/index.ts';
import type { CaseAssessmentView, AssessmentRecord } from './assessment.schemas.ts';
import { buildDecisionReport } from './decision-report.ts';
import { parseCaseFacts } from './parse-case-facts.ts';

const telecomFacts = {
  breach: { confidentiality: 'public', malicious: true, cause: 'hack' },
  data: { categories: ['name', 'address', 'email', 'phone', 'iban', 'birth_date', 'id_document'], subjects: { min: 5_000_000, max: 6_200_000 }, vulnerable: ['financial_administration'] },
};

describeOnDatabases('risk assessment routes', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let analyst: SignedIn;
  let auditor: SignedIn;
  let reporter: SignedIn;
  let outsider: SignedIn;
  let caseId: string;
  let emptyCaseId: string;
  let orgId: string;
  let brandPartyName: string;
  const clock = createTestClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb(), { clock });
    orgId = (await buildOrganisation(db, { sector: 'telecom', nis2: 'essential' })).id;
    const make = async (role: string, org = orgId) => signIn(t.app, (await buildUser(db, { org_id: org, role })).email);
    officer = await make('privacy_officer');
    analyst = await make('security_analyst');
    auditor = await make('auditor');
    reporter = await make('staff_reporter');
    outsider = await make('admin', (await buildOrganisation(db)).id);

    const created = await createCase(t.ctx, orgId, { title: 'Customer contact system', awareAt: '2026-03-01T20:00:00.000Z' }, { label: 'test' });
    caseId = created.id;
    emptyCaseId = (await createCase(t.ctx, orgId, { title: 'Nothing known yet' }, { label: 'test' })).id;
    await db.updateTable('cases').set({ facts: JSON.stringify(telecomFacts) }).where('id', '=', caseId).execute();
    // A sub-brand on the same systems is a second controller party of the case.
    const brandId = newId();
    brandPartyName = 'Sub Mobile';
    await db.insertInto('brands').values({ id: brandId, org_id: orgId, name: brandPartyName, created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await db.insertInto('case_parties').values({ id: newId(), case_id: caseId, org_id: orgId, brand_id: brandId, role: 'controller', created_at: '2026-03-02T09:00:01.000Z' }).execute();
  });

  afterAll(async () => {
    await t.app.close();
  });

  const get = (who: SignedIn, id = caseId) => t.app.inject({ method: 'GET', url: `/api/cases/${id}/assessment`, headers: who.headers });
  const decide = (who: SignedIn, payload: Record<string, unknown>, id = caseId) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${id}/assessment`, headers: who.headers, payload });

  it('answers POST /api/assess with the decision the command line prints, and names bad fields', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/assess', headers: analyst.headers, payload: { sector: 'telecom', ...telecomFacts } });
    expect(ok.statusCode).toBe(200);
    const decision = ok.json() as { risk: string; notify_authority: boolean; notify_subjects: boolean; deadlines: unknown[]; reasons: unknown[]; severity: { score: number } };
    expect(decision.risk).toBe('high');
    expect(decision.notify_authority).toBe(true);
    expect(decision.notify_subjects).toBe(true);
    expect(decision.reasons.length).toBeGreaterThan(2);
    // Exactly what `breachdesk assess` prints for the same facts.
    expect(decision).toEqual(JSON.parse(JSON.stringify(buildDecisionReport(parseCaseFacts({ sector: 'telecom', ...telecomFacts })))));

    const bad = await t.app.inject({ method: 'POST', url: '/api/assess', headers: analyst.headers, payload: { sector: 'space', breach: { confidentiality: 'public', malicious: 'yes', cause: 'hack' } } });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['sector', 'breach.malicious', 'data']));

    expect((await t.app.inject({ method: 'POST', url: '/api/assess', headers: reporter.headers, payload: { sector: 'telecom', ...telecomFacts } })).statusCode).toBe(404);
  });

  it('lists exactly the missing facts of an incomplete case', async () => {
    const response = await get(analyst, emptyCaseId);
    expect(response.statusCode).toBe(200);
    const view = response.json() as CaseAssessmentView;
    expect(view.computed.decision).toBeNull();
    expect(view.computed.missing).toEqual(['breach.confidentiality', 'breach.malicious', 'breach.cause', 'data.categories', 'data.subjects']);
    expect(view.computed.facts.sector).toBe('telecom');
    expect(view.computed.factSources.sector?.source).toBe('organisation');
    expect(view.current).toBeNull();

    const refused = await decide(officer, {}, emptyCaseId);
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field)).toContain('facts.data.subjects');
  });

  it('computes the decision from the case facts and shows the outcome per controller', async () => {
    const view = (await get(auditor)).json() as CaseAssessmentView;
    expect(view.computed.missing).toEqual([]);
    expect(view.computed.decision?.risk).toBe('high');
    expect(view.computed.facts.breach).toMatchObject({ aware_at: '2026-03-01T20:00:00.000Z' });
    expect(view.computed.parties.map((p) => [p.name, p.sector, p.risk])).toEqual([
      [expect.any(String), 'telecom', 'high'],
      [brandPartyName, 'telecom', 'high'],
    ]);
    expect(view.computed.decision?.deadlines.find((d) => d.id === 'telecom_initial')?.applies).toBe(true);
  });

  it('refuses an override without a written justification and changes nothing', async () => {
    for (const justification of [undefined, 'too short']) {
      const response = await decide(officer, { chosenOutcome: 'risk', ...(justification ? { justification } : {}) });
      expect(response.statusCode).toBe(400);
      expect((response.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field)).toEqual(['justification']);
    }
    const row = await getDb().db.selectFrom('cases').select('risk_outcome').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.risk_outcome).toBeNull();
    expect(await getDb().db.selectFrom('case_assessments').selectAll().where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('records the computed outcome, then an override with both outcomes, who and why, on the case and in the audit chain', async () => {
    const first = await decide(officer, {});
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ computedOutcome: 'high', chosenOutcome: 'high', overridden: false, justification: null });

    clock.advance(60_000);
    const justification = 'The published rows turned out to be test data of the sub-brand only.';
    const second = await decide(officer, { chosenOutcome: 'risk', justification });
    expect(second.statusCode).toBe(201);
    const record = second.json() as AssessmentRecord;
    expect(record).toMatchObject({ computedOutcome: 'high', chosenOutcome: 'risk', overridden: true, justification, decidedBy: { id: officer.userId } });
    expect(record.facts).toMatchObject({ sector: 'telecom', data: { subjects: { min: 5_000_000, max: 6_200_000 } } });

    const db = getDb().db;
    expect((await db.selectFrom('cases').select('risk_outcome').where('id', '=', caseId).executeTakeFirstOrThrow()).risk_outcome).toBe('risk');
    const audit = await db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId).where('action', '=', 'case.risk_decided').orderBy('seq').execute();
    expect(audit.map((a) => [a.actor_user_id, JSON.parse(a.details).computedOutcome, JSON.parse(a.details).chosenOutcome, JSON.parse(a.details).overridden])).toEqual([
      [officer.userId, 'high', 'high', false],
      [officer.userId, 'high', 'risk', true],
    ]);

    const view = (await get(analyst)).json() as CaseAssessmentView;
    expect(view.current?.id).toBe(record.id);
    expect(view.history.map((h) => h.chosenOutcome)).toEqual(['risk', 'high']);
  });

  it('lets analysts and auditors read but not decide; others and other organisations find nothing', async () => {
    expect((await decide(analyst, {})).statusCode).toBe(404);
    expect((await decide(auditor, {})).statusCode).toBe(404);
    expect((await get(reporter)).statusCode).toBe(404);
    const foreign = await get(outsider);
    expect(foreign.statusCode).toBe(404);
    expect((foreign.json() as { error: { code: string } }).error.code).toBe('not_found');
    expect((await decide(outsider, {})).statusCode).toBe(404);
  });
});
