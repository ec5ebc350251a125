import { expect, it } from 'vitest';
import { buildOrganisation, buildUser, createTestClock } from '../../../test/factories.ts';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { loadConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor, Role } from '../../http/actor.ts';
import type { JobContext } from '../../jobs/index.ts';
import { createLogger } from '../../shared/logger.ts';
import { addComment, createTask, listNotifications, listTasks, listTimeline, recordNotification, updateTask } from './case-work.service.ts';
import { createCaseFromReport, getCaseForAttach } from './create-case-from-report.ts';
import { deadlineReminderJob } from './deadline-reminder.job.ts';
import { addParty, getCase, listCases, openCaseAsActor, removeParty, setCaseFacts, transitionCase, updateCase } from './cases.service.ts';

const HOUR = 3_600_000;

async function actorIn(db: Db, orgId: string, role: Role = 'privacy_officer', name = 'Pieter Jansen'): Promise<Actor> {
  const user = await buildUser(db, { org_id: orgId, role, display_name: name, locale: 'en' });
  return { userId: user.id, orgId, role, processorOrgId: null, locale: 'en', displayName: name, sessionId: null };
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string; issues: Array<{ field: string }> }> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: { code: string; message: string; issues: Array<{ field: string }> }) => error,
  );
}

async function remindersOf(db: Db, caseId: string): Promise<Array<{ obligation: string; dueAt: string; hoursBefore: number; runAt: string }>> {
  const jobs = await db.selectFrom('jobs').select(['payload', 'run_at']).where('name', '=', 'deadline-reminder').execute();
  return jobs
    .map((j) => ({ ...(JSON.parse(j.payload) as { caseId: string; obligation: string; dueAt: string; hoursBefore: number }), runAt: j.run_at }))
    .filter((j) => j.caseId === caseId)
    .map(({ caseId: _, ...rest }) => rest);
}

describeOnDatabases('case workflow', (getDb) => {
  const clock = createTestClock('2026-03-02T09:00:00.000Z');
  const deps = () => ({ db: getDb().db, clock });

  it('opens a telecom case with a brand: a party each, a 24-hour clock each, template tasks in Dutch and reminders', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const db = getDb().db;
    const org = await buildOrganisation(db, { sector: 'telecom', nis2: 'none', default_locale: 'nl', name: 'Telco NL' });
    await db.insertInto('brands').values({ id: `brand-${org.id}`, org_id: org.id, name: 'Belmij', created_at: clock.now().toISOString() }).execute();
    const officer = await actorIn(db, org.id);
    const awareAt = '2026-03-02T08:00:00.000Z';
    const detail = await openCaseAsActor(deps(), officer, { title: 'Contact system hacked', awareAt, detectedAt: '2026-03-02T07:00:00.000Z', brandIds: [`brand-${org.id}`] });

    expect(detail).toMatchObject({ state: 'triage', owner: { id: officer.userId, name: 'Pieter Jansen' }, allowedTransitions: ['investigating', 'closed'] });
    expect(detail.parties.map((p) => [p.name, p.brandId === null])).toEqual([['Telco NL', true], ['Belmij', false]]);
    for (const party of detail.parties) {
      const telecom = detail.deadlines.find((d) => d.partyId === party.id && d.obligation === 'telecom_initial');
      expect(telecom).toMatchObject({ dueAt: '2026-03-03T07:00:00.000Z', status: 'open', label: { en: 'Initial telecom notification' } });
      expect(telecom!.remainingMs).toBe(22 * HOUR);
    }
    expect(detail.nextDeadline).toMatchObject({ obligation: 'telecom_initial', dueAt: '2026-03-03T07:00:00.000Z', severity: 'warning', overdue: false });

    const tasks = await listTasks(deps(), officer, detail.id);
    expect(tasks.map((t) => t.templateKey)).toEqual(['contain', 'preserve_evidence', 'assess_risk', 'notify_regulator', 'inform_people', 'lessons_learned']);
    expect(tasks.find((t) => t.templateKey === 'notify_regulator')).toMatchObject({ title: 'Melden bij de toezichthouder', dueAt: '2026-03-03T07:00:00.000Z', status: 'open' });

    // One reminder per open deadline and hour mark, never two for the same moment across the two parties.
    const reminders = await remindersOf(db, detail.id);
    const telecomReminders = reminders.filter((r) => r.obligation === 'telecom_initial').map((r) => r.hoursBefore).sort((a, b) => a - b);
    expect(telecomReminders).toEqual([1, 6]);
    expect(reminders.filter((r) => r.obligation === 'gdpr_authority').map((r) => r.runAt).sort()).toEqual([
      '2026-03-04T08:00:00.000Z',
      '2026-03-05T02:00:00.000Z',
      '2026-03-05T07:00:00.000Z',
    ]);
    const planned = reminders.length;
    await updateCase(deps(), officer, detail.id, { title: 'Contact system hacked (confirmed)' });
    await addParty(deps(), officer, detail.id, { brandId: null, role: 'joint_controller' }).catch(() => undefined);
    expect(await remindersOf(db, detail.id)).toHaveLength(planned);
  });

  it('moves through the lifecycle only along allowed transitions, with reasons where needed', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Lost laptop' });
    expect(opened.deadlines).toEqual([]);

    const wrong = await errorOf(transitionCase(deps(), officer, opened.id, { to: 'notifying' }));
    expect(wrong.code).toBe('invalid_transition');
    expect(wrong.message).toContain('investigating, closed');

    expect((await transitionCase(deps(), officer, opened.id, { to: 'investigating' })).state).toBe('investigating');
    const noReason = await errorOf(transitionCase(deps(), officer, opened.id, { to: 'closed' }));
    expect(noReason).toMatchObject({ code: 'validation_failed', issues: [{ field: 'reason' }] });
    const closed = await transitionCase(deps(), officer, opened.id, { to: 'closed', reason: 'Laptop found, disk encrypted' });
    expect(closed).toMatchObject({ state: 'closed', closedReason: 'Laptop found, disk encrypted', nextDeadline: null, allowedTransitions: ['investigating'] });
    expect(closed.closedAt).not.toBeNull();
    expect((await errorOf(transitionCase(deps(), officer, opened.id, { to: 'investigating' }))).issues[0]!.field).toBe('reason');
    const reopened = await transitionCase(deps(), officer, opened.id, { to: 'investigating', reason: 'The disk was not encrypted after all' });
    expect(reopened).toMatchObject({ state: 'investigating', closedAt: null, closedReason: null });

    const timeline = await listTimeline(deps(), officer, opened.id);
    expect(timeline.map((e) => e.action)).toEqual(['case.created', 'case.transitioned', 'case.closed', 'case.reopened']);
    expect(timeline.map((e) => e.seq)).toEqual([...timeline.map((e) => e.seq)].sort((a, b) => a - b));
    expect(new Set(timeline.map((e) => e.actorName))).toEqual(new Set(['Pieter Jansen']));
    expect(timeline[2]!.details).toMatchObject({ from: 'investigating', to: 'closed', reason: 'Laptop found, disk encrypted' });
  });

  it('validates facts naming the field, stores them with their sources and keeps the cause in step', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const officer = await actorIn(db, org.id);
    const analyst = await actorIn(db, org.id, 'security_analyst', 'Sanne Bakker');
    const opened = await openCaseAsActor(deps(), officer, { title: 'Phishing' });

    const bad = await errorOf(setCaseFacts(deps(), analyst, opened.id, { facts: { breach: { cause: 'aliens' }, data: { shoe_size: 44 } } }));
    expect(bad.code).toBe('validation_failed');
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['facts.breach.cause', 'facts.data.shoe_size']);

    clock.advance(60_000);
    const first = await setCaseFacts(deps(), analyst, opened.id, { facts: { breach: { cause: 'social_engineering', malicious: true } } });
    expect(first.facts).toEqual({ breach: { cause: 'social_engineering', malicious: true } });
    expect(first.factSources['breach.cause']).toEqual({ source: 'user', by: analyst.userId, at: clock.now().toISOString() });
    const causeRow = await db.selectFrom('cases').select('cause').where('id', '=', opened.id).executeTakeFirstOrThrow();
    expect(causeRow.cause).toBe('social_engineering');

    const earlier = clock.now().toISOString();
    clock.advance(60_000);
    const second = await setCaseFacts(deps(), officer, opened.id, { facts: { breach: { cause: 'social_engineering', malicious: false }, data: { subjects: { min: 10, max: 20 } } } });
    expect(second.factSources['breach.cause']).toMatchObject({ by: analyst.userId, at: earlier });
    expect(second.factSources['breach.malicious']).toMatchObject({ by: officer.userId });
    expect(second.factSources['data.subjects']).toMatchObject({ by: officer.userId });
    expect((await listTimeline(deps(), officer, opened.id)).at(-1)).toMatchObject({ action: 'case.facts_changed', details: { paths: ['breach.malicious', 'data.subjects'] } });
  });

  it('refuses a late initial notification without a reason and stops the clock of the party it names', async () => {
    clock.set('2026-03-10T09:00:00.000Z');
    const db = getDb().db;
    const org = await buildOrganisation(db, { sector: 'energy' });
    await db.insertInto('brands').values({ id: `brand-${org.id}`, org_id: org.id, name: 'Zon', created_at: clock.now().toISOString() }).execute();
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Insider', awareAt: '2026-03-06T09:00:00.000Z', brandIds: [`brand-${org.id}`] });
    const [main, brand] = opened.parties;
    expect(opened.deadlines.find((d) => d.obligation === 'gdpr_authority' && d.partyId === main!.id)).toMatchObject({ status: 'overdue', overdue: true, delayReasonRequired: true });

    const late = await errorOf(recordNotification(deps(), officer, opened.id, { obligation: 'gdpr_authority', kind: 'initial', sentAt: '2026-03-10T08:00:00.000Z', partyId: main!.id }));
    expect(late).toMatchObject({ code: 'validation_failed', issues: [{ field: 'delayReason' }] });

    await recordNotification(deps(), officer, opened.id, { obligation: 'gdpr_authority', kind: 'initial', sentAt: '2026-03-10T08:00:00.000Z', partyId: main!.id, delayReason: 'Scope unclear until the logs came in', externalReference: 'AP-123' });
    const detail = await getCase(deps(), officer, opened.id);
    const gdpr = (partyId: string) => detail.deadlines.find((d) => d.obligation === 'gdpr_authority' && d.partyId === partyId);
    expect(gdpr(main!.id)).toMatchObject({ status: 'met_late', notifiedAt: '2026-03-10T08:00:00.000Z' });
    expect(gdpr(brand!.id)).toMatchObject({ status: 'overdue' });
    expect(await listNotifications(deps(), officer, opened.id)).toEqual([
      expect.objectContaining({ obligation: 'gdpr_authority', kind: 'initial', externalReference: 'AP-123', delayReason: 'Scope unclear until the logs came in', partyId: main!.id, recordedBy: { id: officer.userId, name: 'Pieter Jansen' } }),
    ]);

    const onTime = await openCaseAsActor(deps(), officer, { title: 'On time', awareAt: '2026-03-10T07:00:00.000Z' });
    await recordNotification(deps(), officer, onTime.id, { obligation: 'gdpr_authority', kind: 'initial', sentAt: '2026-03-10T08:30:00.000Z' });
    expect((await getCase(deps(), officer, onTime.id)).deadlines.find((d) => d.obligation === 'gdpr_authority')).toMatchObject({ status: 'met' });
  });

  it('runs the processor clock from the processor report on the case, with the hours agreed with that processor', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const vendor = await buildOrganisation(db, { kind: 'processor', name: 'Vendor B.V.' });
    await db.insertInto('processor_links').values({ id: `link-${org.id}`, controller_org_id: org.id, processor_org_id: vendor.id, report_deadline_hours: 12, contact_email: null, created_at: clock.now().toISOString() }).execute();
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Processor incident', awareAt: '2026-03-02T08:00:00.000Z' });
    expect(opened.deadlines.find((d) => d.obligation === 'processor_to_controller')).toMatchObject({ status: 'not_applicable', dueAt: null });
    await db
      .insertInto('reports')
      .values({
        id: `report-${org.id}`, org_id: org.id, reference: `R-${org.id.slice(0, 8)}`, source: 'processor', status: 'attached', case_id: opened.id, reporter_role: 'processor',
        reporter_org_name: null, reporter_name: null, reporter_email: null, reporter_phone: null, reporter_user_id: null, processor_org_id: vendor.id, api_token_id: null,
        locale: 'en', description: 'We lost a backup tape', occurred_at: null, discovered_at: null, ongoing: 'no', systems: '', data_categories: '[]', persons_min: null,
        persons_max: null, data_encrypted: 'unknown', processor_aware_at: '2026-03-01T18:00:00.000Z', processor_reported_at: '2026-03-02T07:00:00.000Z',
        triage_reason: null, triaged_by: null, triaged_at: null, created_at: '2026-03-02T07:00:00.000Z',
      })
      .execute();
    const detail = await getCase(deps(), officer, opened.id);
    expect(detail.deadlines.find((d) => d.obligation === 'processor_to_controller')).toMatchObject({ dueAt: '2026-03-02T06:00:00.000Z', status: 'met_late', notifiedAt: '2026-03-02T07:00:00.000Z' });
    expect(detail.reports).toEqual([{ id: `report-${org.id}`, reference: `R-${org.id.slice(0, 8)}`, source: 'processor' }]);
  });

  it('adds and removes controllers, keeping one and any that a notification names', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db, { name: 'Parties Org' });
    await db.insertInto('brands').values({ id: `brand-${org.id}`, org_id: org.id, name: 'Sub Brand', created_at: clock.now().toISOString() }).execute();
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Parties', awareAt: clock.now().toISOString() });
    const [main] = opened.parties;
    const added = await addParty(deps(), officer, opened.id, { brandId: `brand-${org.id}`, role: 'joint_controller' });
    expect(added).toMatchObject({ brandId: `brand-${org.id}`, name: 'Sub Brand', role: 'joint_controller' });
    expect((await errorOf(addParty(deps(), officer, opened.id, { brandId: `brand-${org.id}`, role: 'controller' }))).code).toBe('conflict');
    expect((await errorOf(addParty(deps(), officer, opened.id, { brandId: 'no-such-brand', role: 'controller' }))).issues[0]!.field).toBe('brandId');
    const detail = await getCase(deps(), officer, opened.id);
    expect(new Set(detail.deadlines.map((d) => d.partyId))).toEqual(new Set([main!.id, added.id]));

    await recordNotification(deps(), officer, opened.id, { obligation: 'gdpr_authority', kind: 'initial', sentAt: clock.now().toISOString(), partyId: added.id });
    expect((await errorOf(removeParty(deps(), officer, opened.id, added.id))).code).toBe('conflict');
    await removeParty(deps(), officer, opened.id, main!.id);
    expect((await errorOf(removeParty(deps(), officer, opened.id, added.id))).code).toBe('conflict');
    expect((await getCase(deps(), officer, opened.id)).parties.map((p) => p.id)).toEqual([added.id]);
    expect((await listTimeline(deps(), officer, opened.id)).map((e) => e.action)).toEqual(['case.created', 'case.party_added', 'case.notification_recorded', 'case.party_removed']);
  });

  it('sends a reminder to the owner only while its deadline still stands', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const db = getDb().db;
    const org = await buildOrganisation(db, { sector: 'other', name: 'Reminder Org' });
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Ransomware', awareAt: '2026-03-02T09:00:00.000Z' });
    const ctx = { db, clock, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: createLogger('silent'), job: { id: 'j', name: 'deadline-reminder', attempt: 1, maxAttempts: 3 } } as unknown as JobContext;
    const mails = async () => (await db.selectFrom('jobs').select('payload').where('name', '=', 'send-email').execute()).map((j) => JSON.parse(j.payload) as { to: string; subject: string; text: string });
    const before = (await mails()).length;

    const due = '2026-03-05T09:00:00.000Z';
    clock.set('2026-03-05T03:00:00.000Z');
    expect(await deadlineReminderJob.handle({ caseId: opened.id, obligation: 'gdpr_authority', dueAt: due, hoursBefore: 6 }, ctx)).toBeUndefined();
    const sent = (await mails()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`[${opened.reference}] 6 hours left: Notification to the supervisory authority`);

    // The awareness moment moved: the reminder planned for the old deadline no longer matches and is skipped.
    await updateCase(deps(), officer, opened.id, { awareAt: '2026-03-02T10:00:00.000Z' });
    expect(await deadlineReminderJob.handle({ caseId: opened.id, obligation: 'gdpr_authority', dueAt: due, hoursBefore: 6 }, ctx)).toMatchObject({ skipped: true });
    expect((await remindersOf(db, opened.id)).some((r) => r.dueAt === '2026-03-05T10:00:00.000Z' && r.hoursBefore === 1)).toBe(true);

    await recordNotification(deps(), officer, opened.id, { obligation: 'gdpr_authority', kind: 'initial', sentAt: '2026-03-05T03:00:00.000Z' });
    expect(await deadlineReminderJob.handle({ caseId: opened.id, obligation: 'gdpr_authority', dueAt: '2026-03-05T10:00:00.000Z', hoursBefore: 1 }, ctx)).toMatchObject({ skipped: true, reason: 'deadline moved or was met' });
    await transitionCase(deps(), officer, opened.id, { to: 'closed', reason: 'Done' });
    expect(await deadlineReminderJob.handle({ caseId: opened.id, obligation: 'nis2_notification', dueAt: due, hoursBefore: 1 }, ctx)).toMatchObject({ skipped: true, reason: 'case is closed' });
    expect((await mails()).length - before).toBe(1);
  });

  it('works tasks and comments and puts them on the timeline in order', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const officer = await actorIn(db, org.id);
    const analyst = await actorIn(db, org.id, 'security_analyst', 'Sanne Bakker');
    const opened = await openCaseAsActor(deps(), officer, { title: 'Misdirected mail' });
    const task = await createTask(deps(), officer, opened.id, { title: 'Call the recipient', assigneeUserId: analyst.userId, dueAt: '2026-03-20T12:00:00.000Z' });
    expect(task).toMatchObject({ templateKey: null, assignee: { id: analyst.userId, name: 'Sanne Bakker' }, status: 'open' });
    const done = await updateTask(deps(), analyst, opened.id, task.id, { status: 'done' });
    expect(done.status).toBe('done');
    expect(done.completedAt).not.toBeNull();
    const outsider = await buildOrganisation(db);
    const badAssignee = await errorOf(createTask(deps(), officer, opened.id, { title: 'x', assigneeUserId: (await actorIn(db, outsider.id)).userId }));
    expect(badAssignee.issues[0]!.field).toBe('assigneeUserId');
    const comment = await addComment(deps(), analyst, opened.id, { body: 'Recipient confirmed deletion.' });
    expect(comment).toMatchObject({ author: { id: analyst.userId, name: 'Sanne Bakker' }, body: 'Recipient confirmed deletion.' });

    const timeline = await listTimeline(deps(), officer, opened.id);
    expect(timeline.map((e) => [e.action, e.actorName])).toEqual([
      ['case.created', 'Pieter Jansen'],
      ['case.task_created', 'Pieter Jansen'],
      ['case.task_completed', 'Sanne Bakker'],
      ['case.commented', 'Sanne Bakker'],
    ]);
    expect(JSON.stringify(timeline)).not.toContain('Recipient confirmed deletion');
    expect((await getCase(deps(), officer, opened.id)).counts).toEqual({ openTasks: 6, tasks: 7, comments: 1, files: 0 });
  });

  it('turns a report into a case or closes it as not a breach, and finds a case to attach to only in its organisation', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db, { sector: 'telecom' });
    const officer = await actorIn(db, org.id);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const fromReport = await db.transaction().execute((tx) =>
      createCaseFromReport(tx, { config, clock }, officer, {
        orgId: org.id,
        title: 'Customer data on a forum',
        summary: 'A reporter found an export',
        awareAt: clock.now().toISOString(),
        detectedAt: null,
        occurredAt: null,
        notABreach: false,
        closedReason: null,
        facts: { data: { categories: ['name', 'email'], subjects: { min: 100, max: 1000 } } },
      }),
    );
    expect(fromReport.reference).toMatch(/^BD-\d{4}-\d{4}$/);
    const detail = await getCase(deps(), officer, fromReport.id);
    expect(detail).toMatchObject({ state: 'triage', owner: { id: officer.userId }, notABreach: false, counts: { tasks: 6 } });
    expect(detail.factSources['data.categories']).toMatchObject({ source: 'report', by: officer.userId });

    const dismissed = await db.transaction().execute((tx) =>
      createCaseFromReport(tx, { config, clock }, officer, {
        orgId: org.id, title: 'Spam complaint', summary: '', awareAt: null, detectedAt: null, occurredAt: null, notABreach: true, closedReason: 'No personal data involved', facts: {},
      }),
    );
    expect(await getCase(deps(), officer, dismissed.id)).toMatchObject({ state: 'closed', notABreach: true, closedReason: 'No personal data involved', counts: { tasks: 0 } });
    const badFacts = await errorOf(db.transaction().execute((tx) =>
      createCaseFromReport(tx, { config, clock }, officer, { orgId: org.id, title: 'x', summary: '', awareAt: null, detectedAt: null, occurredAt: null, notABreach: false, closedReason: null, facts: { data: { categories: ['nope'] } } }),
    ));
    expect(badFacts.issues[0]!.field).toBe('facts.data.categories.0');

    await db.transaction().execute(async (tx) => expect(await getCaseForAttach(tx, org.id, fromReport.id)).toMatchObject({ reference: fromReport.reference }));
    const other = await buildOrganisation(db);
    expect((await errorOf(db.transaction().execute((tx) => getCaseForAttach(tx, other.id, fromReport.id)))).code).toBe('not_found');
  });

  it('lets each role do exactly what the policy table says, and hides other organisations’ cases', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const officer = await actorIn(db, org.id);
    const opened = await openCaseAsActor(deps(), officer, { title: 'Role matrix' });
    const attempts = {
      read: (a: Actor) => getCase(deps(), a, opened.id),
      facts: (a: Actor) => setCaseFacts(deps(), a, opened.id, { facts: {} }),
      comment: (a: Actor) => addComment(deps(), a, opened.id, { body: 'note' }),
      task: (a: Actor) => createTask(deps(), a, opened.id, { title: 'task' }),
      manage: (a: Actor) => updateCase(deps(), a, opened.id, { summary: 'changed' }),
      create: (a: Actor) => openCaseAsActor(deps(), a, { title: 'new' }),
    };
    const expected: Record<Role, Array<keyof typeof attempts>> = {
      admin: ['read', 'facts', 'comment', 'task', 'manage', 'create'],
      privacy_officer: ['read', 'facts', 'comment', 'task', 'manage', 'create'],
      security_analyst: ['read', 'facts', 'comment', 'task'],
      auditor: ['read'],
      staff_reporter: [],
      processor: [],
    };
    for (const [role, allowed] of Object.entries(expected) as Array<[Role, Array<keyof typeof attempts>]>) {
      const actor = await actorIn(db, org.id, role, `As ${role}`);
      for (const [name, attempt] of Object.entries(attempts) as Array<[keyof typeof attempts, (a: Actor) => Promise<unknown>]>) {
        const outcome = await attempt(actor).then(() => 'ok', (error: { code: string }) => error.code);
        expect(`${role} ${name}: ${outcome}`).toBe(`${role} ${name}: ${allowed.includes(name) ? 'ok' : 'not_found'}`);
      }
    }

    // A reporting member of staff reads a case once it holds a task on it, and only that case.
    const staff = await actorIn(db, org.id, 'staff_reporter', 'Tom Visser');
    expect(await listCases(deps(), staff)).toEqual([]);
    await createTask(deps(), officer, opened.id, { title: 'Tell us what you saw', assigneeUserId: staff.userId });
    expect((await listCases(deps(), staff)).map((c) => c.id)).toEqual([opened.id]);
    expect((await getCase(deps(), staff, opened.id)).id).toBe(opened.id);

    const outsider = await actorIn(db, (await buildOrganisation(db)).id, 'admin');
    expect((await errorOf(getCase(deps(), outsider, opened.id))).code).toBe('not_found');
    expect((await errorOf(transitionCase(deps(), outsider, opened.id, { to: 'investigating' }))).code).toBe('not_found');
    expect((await errorOf(listTimeline(deps(), outsider, opened.id))).code).toBe('not_found');
    expect((await listCases(deps(), outsider)).map((c) => c.id)).not.toContain(opened.id);
  });
});
