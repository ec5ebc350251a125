import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, createTestClock, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { createCase } from '../cases/index.ts';
import type { DraftView } from './regulator.schemas.ts';

const facts = {
  breach: { confidentiality: 'public', malicious: true, cause: 'hack', ongoing: false },
  data: { categories: ['name', 'email', 'iban'], subjects: { min: 5_000_000, max: 6_200_000 }, records: 21_000_000, vulnerable: [], protection: 'none' },
};

type ErrorBody = { error: { code: string; issues: Array<{ field: string }> } };

describeOnDatabases('regulator notification drafts', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let analyst: SignedIn;
  let outsider: SignedIn;
  let caseId: string;
  let gdprOfficer: SignedIn;
  let gdprCaseId: string;
  const clock = createTestClock('2026-03-04T09:00:00.000Z');

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb(), { clock });
    const telecom = (await buildOrganisation(db, { sector: 'telecom', nis2: 'essential', name: 'Voorbeeld Telecom' })).id;
    const retail = (await buildOrganisation(db, { sector: 'retail', nis2: 'none' })).id;
    officer = await signIn(t.app, (await buildUser(db, { org_id: telecom, role: 'privacy_officer', display_name: 'Petra Officer' })).email);
    analyst = await signIn(t.app, (await buildUser(db, { org_id: telecom, role: 'security_analyst' })).email);
    gdprOfficer = await signIn(t.app, (await buildUser(db, { org_id: retail, role: 'privacy_officer' })).email);
    outsider = await signIn(t.app, (await buildUser(db, { org_id: (await buildOrganisation(db)).id, role: 'admin' })).email);
    caseId = (await createCase(t.ctx, telecom, { title: 'Customer contact system', summary: 'Attackers copied customer accounts.', awareAt: '2026-03-01T20:00:00.000Z' }, { label: 'test' })).id;
    await db.updateTable('cases').set({ facts: JSON.stringify(facts) }).where('id', '=', caseId).execute();
    gdprCaseId = (await createCase(t.ctx, retail, { title: 'Misdirected mail', awareAt: '2026-03-03T07:00:00.000Z' }, { label: 'test' })).id;
  });

  afterAll(async () => {
    await t.app.close();
  });

  const base = (id = caseId) => `/api/cases/${id}/regulator/drafts`;
  const create = (who: SignedIn, payload: Record<string, unknown>, id = caseId) => t.app.inject({ method: 'POST', url: base(id), headers: who.headers, payload });
  const submit = (who: SignedIn, draftId: string, payload: Record<string, unknown>, id = caseId) =>
    t.app.inject({ method: 'POST', url: `${base(id)}/${draftId}/submitted`, headers: who.headers, payload });
  const answer = (draft: DraftView, section: string, id: string) => draft.sections.find((s) => s.id === section)!.answers.find((a) => a.id === id)!;
  let initial: DraftView;

  it('drafts the telecom variant for a telecom provider, with missing answers marked', async () => {
    const contact = await t.app.inject({ method: 'PUT', url: '/api/regulator/contact', headers: officer.headers, payload: { dpoName: 'Anna de Vries', dpoEmail: 'fg@voorbeeld.test', dpoPhone: null } });
    expect(contact.statusCode).toBe(200);

    const response = await create(officer, { kind: 'initial', reporterPhone: '+31 20 123 4567' });
    expect(response.statusCode).toBe(201);
    initial = response.json() as DraftView;
    expect(initial.regime).toBe('telecom');
    expect(answer(initial, '0', 'law').answer.nl).toContain('Telecommunicatiewet');
    expect(answer(initial, '1', 'contact')).toMatchObject({ missing: false, answer: { nl: 'Anna de Vries, fg@voorbeeld.test' } });
    expect(answer(initial, '1', 'reporter').answer.nl).toBe('Petra Officer, Privacy officer, +31 20 123 4567');
    expect(answer(initial, '5', 'subjects').missing).toBe(false);
    // No risk decision yet: whether the people are told is still open; the occurrence moment is unknown.
    expect(answer(initial, '8', 'people_informed').missing).toBe(true);
    expect(answer(initial, '2', 'occurred_at').missing).toBe(true);
    expect(initial.missingCount).toBe(initial.sections.flatMap((s) => s.answers).filter((a) => a.missing).length);
    expect(initial.changes).toEqual([]);

    const audit = await getDb().db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId).where('action', '=', 'case.regulator_draft_created').execute();
    expect(audit).toHaveLength(1);
  });

  it('fills whether people are informed once the risk decision is recorded', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/assessment`, headers: officer.headers, payload: {} })).statusCode).toBe(201);
    const draft = (await create(officer, { kind: 'initial' })).json() as DraftView;
    expect(answer(draft, '8', 'people_informed')).toMatchObject({ missing: false, answer: { en: expect.stringMatching(/^Yes/) } });
    expect(draft.assessmentId).not.toBeNull();
  });

  it('refuses a late initial notification without a reason for the delay, then records it with the AP reference', async () => {
    const late = await submit(officer, initial.id, { submittedAt: '2026-03-03T08:00:00.000Z', apReference: 'AP-2026-0042' });
    expect(late.statusCode).toBe(400);
    expect((late.json() as ErrorBody).error.issues.map((i) => i.field)).toEqual(['delayReason']);
    expect(await getDb().db.selectFrom('case_notifications').selectAll().where('case_id', '=', caseId).execute()).toEqual([]);

    const ok = await submit(officer, initial.id, { submittedAt: '2026-03-03T08:00:00.000Z', apReference: 'AP-2026-0042', delayReason: 'The scope was only clear after the forensic report.' });
    expect(ok.statusCode).toBe(200);
    const submitted = ok.json() as DraftView;
    expect(submitted).toMatchObject({ submittedAt: '2026-03-03T08:00:00.000Z', apReference: 'AP-2026-0042' });
    const notifications = await getDb().db.selectFrom('case_notifications').selectAll().where('case_id', '=', caseId).execute();
    expect(notifications.map((n) => [n.id, n.obligation, n.kind, n.external_reference, n.sent_at, n.recorded_by])).toEqual([
      [submitted.notificationId, 'telecom_initial', 'initial', 'AP-2026-0042', '2026-03-03T08:00:00.000Z', officer.userId],
    ]);
    const audit = await getDb().db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId).where('action', '=', 'case.regulator_draft_submitted').execute();
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ obligation: 'telecom_initial', apReference: 'AP-2026-0042', late: true });

    expect((await submit(officer, initial.id, { submittedAt: '2026-03-03T08:00:00.000Z', apReference: 'AP-2026-0042' })).statusCode).toBe(409);
  });

  it('shows in a follow-up what changed since the submitted notification, as the complete telecom notification', async () => {
    const db = getDb().db;
    await db
      .updateTable('cases')
      .set({ facts: JSON.stringify({ ...facts, data: { ...facts.data, subjects: { min: 6_000_000, max: 6_200_000 } } }), occurred_at: '2026-02-28T02:00:00.000Z' })
      .where('id', '=', caseId)
      .execute();
    const response = await create(officer, { kind: 'follow_up' });
    expect(response.statusCode).toBe(201);
    const followUp = response.json() as DraftView;
    expect(followUp.previousDraftId).toBe(initial.id);
    expect(answer(followUp, '0', 'kind').answer.nl).toBe('Volledige melding, aanvulling op melding AP-2026-0042.');
    expect(followUp.changes.map((c) => `${c.sectionId}/${c.answerId}`)).toEqual(expect.arrayContaining(['2/occurred_at', '5/subjects', '8/people_informed']));
    expect(followUp.changes.find((c) => c.answerId === 'subjects')!.after?.en).toContain('6,000,000');

    const done = await submit(officer, followUp.id, { submittedAt: '2026-03-04T08:00:00.000Z', apReference: 'AP-2026-0042' });
    expect(done.statusCode).toBe(200);
    const kinds = await db.selectFrom('case_notifications').select(['obligation', 'kind']).where('case_id', '=', caseId).orderBy('sent_at').execute();
    expect(kinds).toEqual([
      { obligation: 'telecom_initial', kind: 'initial' },
      { obligation: 'telecom_complete', kind: 'complete' },
    ]);
  });

  it('drafts the CSIRT texts for a NIS2 entity and refuses regimes that do not apply', async () => {
    const warning = await create(officer, { kind: 'initial', regime: 'nis2_early_warning' });
    expect(warning.statusCode).toBe(201);
    const draft = warning.json() as DraftView;
    expect(draft.recipient.en).toContain('CSIRT');
    expect(answer(draft, '3', 'malicious').answer.en).toMatch(/^Yes/);

    const telecomForRetail = await create(gdprOfficer, { kind: 'initial', regime: 'telecom' }, gdprCaseId);
    expect((telecomForRetail.json() as ErrorBody).error.issues.map((i) => i.field)).toEqual(['regime']);
    const nis2ForRetail = await create(gdprOfficer, { kind: 'initial', regime: 'nis2_notification' }, gdprCaseId);
    expect((nis2ForRetail.json() as ErrorBody).error.issues.map((i) => i.field)).toEqual(['regime']);
    const followUpFirst = await create(gdprOfficer, { kind: 'follow_up' }, gdprCaseId);
    expect(followUpFirst.statusCode).toBe(400);
    expect((followUpFirst.json() as ErrorBody).error.issues.map((i) => i.field)).toEqual(['kind']);
  });

  it('records an on-time GDPR notification without a delay reason', async () => {
    const draft = (await create(gdprOfficer, { kind: 'initial' }, gdprCaseId)).json() as DraftView;
    expect(draft.regime).toBe('gdpr');
    expect(answer(draft, '4', 'categories').missing).toBe(true);
    expect((await submit(gdprOfficer, draft.id, { submittedAt: '2026-03-04T08:00:00.000Z', apReference: 'AP-1' }, gdprCaseId)).statusCode).toBe(200);
    const rows = await getDb().db.selectFrom('case_notifications').select(['obligation', 'kind', 'delay_reason']).where('case_id', '=', gdprCaseId).execute();
    expect(rows).toEqual([{ obligation: 'gdpr_authority', kind: 'initial', delay_reason: null }]);
  });

  it('lists, shows and prints drafts to readers; analysts cannot draft; other organisations find nothing', async () => {
    const list = await t.app.inject({ method: 'GET', url: base(), headers: analyst.headers });
    expect(list.statusCode).toBe(200);
    const drafts = (list.json() as { drafts: DraftView[] }).drafts;
    expect(drafts.length).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: `${base()}/${initial.id}`, headers: analyst.headers })).json()).toMatchObject({ id: initial.id, apReference: 'AP-2026-0042' });
    const pdf = await t.app.inject({ method: 'GET', url: `${base()}/${initial.id}/pdf?locale=nl`, headers: analyst.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await create(analyst, { kind: 'initial' })).statusCode).toBe(404);
    for (const url of [base(), `${base()}/${initial.id}`, `${base()}/${initial.id}/pdf`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
      expect(response.statusCode, url).toBe(404);
      expect((response.json() as ErrorBody).error.code).toBe('not_found');
    }
    expect((await create(outsider, { kind: 'initial' })).statusCode).toBe(404);
    expect((await submit(outsider, initial.id, { submittedAt: '2026-03-03T08:00:00.000Z', apReference: 'X' })).statusCode).toBe(404);
    // Another organisation's draft id under one's own case is absent too.
    const ownDraft = (await t.app.inject({ method: 'GET', url: `${base(gdprCaseId)}/${initial.id}`, headers: gdprOfficer.headers }));
    expect(ownDraft.statusCode).toBe(404);
  });
});
