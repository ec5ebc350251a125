import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { createApiToken } from '../api-tokens/index.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { getCampaign } from './campaigns.service.ts';
import { createMailerChannel } from './email-channel.ts';
import { importBounceFiles } from '../../cli/bounces.command.ts';
import { postfixBounce } from './dsn.fixtures.ts';
import { actorFor, insertTestCase, passingTemplates } from './notifications.fixtures.ts';
import { countOutbox, findCampaignRowById, listOutboxRows, updateCampaignFrom } from './notifications.repository.ts';
import { createOutboxSender } from './outbox-sender.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-campaign-files-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function person(key: string, contact: Partial<AffectedPersonInput['contact']>, categories: string[], extra: Partial<AffectedPersonInput> = {}): AffectedPersonInput {
  return {
    personKey: key,
    set: 'confirmed',
    language: 'nl',
    brands: ['Belmij'],
    categories,
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email: null, mobile: null, address: null, name: `Naam ${key}`, ...contact },
    ...extra,
  };
}

describeOnDatabases('campaign letters, reports, bounces and test messages', (getDb) => {
  let t: TestApp;
  let author: SignedIn;
  let approver: SignedIn;
  let auditor: SignedIn;
  let outsider: SignedIn;
  let orgId: string;
  let caseId: string;
  let campaignId: string;
  let base: string;
  let token: string;
  let outsiderToken: string;
  let authorEmail: string;

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir, MAIL_FROM: 'Belmij <noreply@belmij.test>', SMS_GATEWAY_URL: 'http://127.0.0.1:9/send' } });
    orgId = (await buildOrganisation(db, { name: 'Belmij' })).id;
    const authorUser = await buildUser(db, { org_id: orgId, role: 'privacy_officer', email: 'author@belmij.test' });
    authorEmail = authorUser.email;
    await buildUser(db, { org_id: orgId, role: 'privacy_officer', email: 'approver@belmij.test' });
    await buildUser(db, { org_id: orgId, role: 'auditor', email: 'auditor@belmij.test' });
    const admin = await buildUser(db, { org_id: orgId, role: 'admin', email: 'admin@belmij.test' });
    const otherOrg = (await buildOrganisation(db, { name: 'Other' })).id;
    const otherAdmin = await buildUser(db, { org_id: otherOrg, role: 'admin', email: 'admin@other.test' });
    author = await signIn(t.app, 'author@belmij.test');
    approver = await signIn(t.app, 'approver@belmij.test');
    auditor = await signIn(t.app, 'auditor@belmij.test');
    outsider = await signIn(t.app, 'admin@other.test');
    token = (await createApiToken(t.ctx, actorFor(admin, 'admin'), { name: 'mail server' })).token;
    outsiderToken = (await createApiToken(t.ctx, actorFor(otherAdmin, 'admin'), { name: 'other mail server' })).token;

    const ref = await insertTestCase(db, orgId);
    caseId = ref.caseId;
    await storeAffectedPeople(db, t.ctx, { ...ref, sourceId: 'list-1' }, [
      person('1', { email: 'ok1@example.test' }, ['name', 'iban']),
      person('2', { address: 'Dorpsstraat 2, 1234 AB Dorp' }, ['name', 'bsn']),
      person('3', { email: 'gone3@example.test', mobile: '+31612340003', address: 'Kerkweg 3, 5678 CD Stad' }, ['name', 'email']),
      person('4', { email: 'old4@example.test', address: 'Laan 4\n9999 ZZ Oord' }, ['name'], { vulnerable: ['aged_80_plus'], language: 'en' }),
      person('5', { email: 'moved5@example.test', address: 'Singel 5, 1015 AA Amsterdam' }, ['name']),
    ]);
    base = `/api/cases/${caseId}/campaigns`;
    const created = await t.app.inject({
      method: 'POST',
      url: base,
      headers: author.headers,
      payload: { brand: 'Belmij', name: 'Wave 1', templates: passingTemplates, contact: 'privacy@belmij.test', organisation: 'Belmij', elderlyRoute: 'letter' },
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    expect((await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/approve`, headers: approver.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/start`, headers: author.headers })).statusCode).toBe(200);

    // The e-mails go out through the built-in mailbox, as a worker without MAIL_URL would send them.
    const campaign = await getCampaign(t.ctx, actorFor(authorUser), caseId, campaignId);
    const dataKey = await getOrCreateDataKey(db, t.ctx, orgId, caseId);
    const sender = createOutboxSender({ database: getDb(), clock: t.ctx.clock, campaign, caseReference: ref.reference, dataKey: dataKey.key, email: createMailerChannel(t.ctx.mailer, orgId), sms: null, messageIdDomain: 'belmij.test', workerId: 'w1' });
    expect(await sender.run(() => false)).toBe(3);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const get = (who: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const rows = () => listOutboxRows(getDb().db, campaignId);
  const auditActions = async () => (await getDb().db.selectFrom('audit_events').select('action').where('org_id', '=', orgId).orderBy('seq').execute()).map((r) => r.action);

  it('prints each letter once: a batch as PDF and CSV, then marked as handed to the printer', async () => {
    const csv = await get(author, `${base}/${campaignId}/letters.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="campaign-.*-letters-\d{4}-\d{2}-\d{2}\.csv"$/);
    const letters = parse(csv.body.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(letters.map((l) => [l.name, l.address_line_1, l.postcode, l.city, l.country, l.language]).sort()).toEqual([
      ['Naam 2', 'Dorpsstraat 2', '1234 AB', 'Dorp', 'NL', 'nl'],
      ['Naam 4', 'Laan 4', '9999 ZZ', 'Oord', 'NL', 'en'],
    ]);
    const letterRows = (await rows()).filter((r) => r.channel === 'letter');
    expect(letters.map((l) => l.reference).sort()).toEqual(letterRows.map((r) => r.id).sort());

    const pdf = await get(author, `${base}/${campaignId}/letters.pdf?limit=1`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect((await get(author, `${base}/${campaignId}/letters.pdf?limit=0`)).statusCode).toBe(400);

    const first = letters[0]!.reference;
    const marked = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/letters/printed`, headers: author.headers, payload: { references: [first, 'not-a-letter'] } });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ printed: 1, alreadyPrinted: [], unknown: ['not-a-letter'] });
    const again = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/letters/printed`, headers: author.headers, payload: { references: [first] } });
    expect(again.json()).toEqual({ printed: 0, alreadyPrinted: [first], unknown: [] });
    expect((await rows()).find((r) => r.id === first)).toMatchObject({ state: 'accepted' });
    const left = parse((await get(author, `${base}/${campaignId}/letters.csv`)).body.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(left.map((l) => l.reference)).toEqual([letters[1]!.reference]);
    const missing = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/letters/printed`, headers: author.headers, payload: { references: [] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('references');
    expect(await auditActions()).toEqual(expect.arrayContaining(['campaign.letters_exported', 'campaign.letters_printed']));
  });

  it('answers letters and reports to an auditor or another organisation as if the campaign did not exist', async () => {
    for (const who of [auditor, outsider]) {
      for (const file of ['letters.pdf', 'letters.csv', 'report.pdf', 'report.csv']) {
        const response = await get(who, `${base}/${campaignId}/${file}`);
        expect(response.statusCode, `${file}: ${response.body}`).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      const printed = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/letters/printed`, headers: who.headers, payload: { references: ['x'] } });
      expect(printed.statusCode).toBe(404);
    }
  });

  it('takes a bounce notice with an API token, falls back to the next channel once, and reopens a finished campaign', async () => {
    const gone = (await rows()).filter((r) => r.channel === 'email');
    // Person 3 has a mobile number to fall back to; person 1 has no other channel.
    const audience = await getDb().db.selectFrom('affected_people').select(['id', 'person_key']).where('case_id', '=', caseId).execute();
    const personThree = audience.find((p) => p.person_key === '3')!.id;
    const personOne = audience.find((p) => p.person_key === '1')!.id;
    const rowThree = gone.find((r) => r.affected_person_id === personThree)!;
    const rowOne = gone.find((r) => r.affected_person_id === personOne)!;
    await updateCampaignFrom(getDb().db, campaignId, ['running'], { state: 'completed', finished_at: new Date().toISOString() });

    const post = (auth: string | SignedIn, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/bounces', headers: typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : auth.headers, payload });
    const notice = { messageId: rowThree.message_id, status: '5.1.1', reason: '550 5.1.1 <gone3@example.test>: user unknown' };

    expect((await post(author, notice)).statusCode).toBe(404);
    expect((await post(outsiderToken, notice)).statusCode).toBe(404);
    const invalid = await post(token, { ...notice, status: '9.9' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('status');
    expect((await post(token, { ...notice, messageId: '<unknown@example.test>' })).statusCode).toBe(400);

    const first = await post(token, notice);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ reference: rowThree.id, outcome: 'fallen_back', state: 'fallen_back', fallbackChannel: 'sms' });
    const repeat = await post(token, notice);
    expect(repeat.json()).toEqual({ reference: rowThree.id, outcome: 'unchanged', state: 'fallen_back', fallbackChannel: null });
    const after = (await rows()).filter((r) => r.affected_person_id === personThree);
    expect(after.map((r) => `${r.channel}:${r.state}`).sort()).toEqual(['email:fallen_back', 'sms:pending']);
    expect(after.find((r) => r.channel === 'email')!.last_response).toContain('DSN 5.1.1');

    const campaign = await findCampaignRowById(getDb().db, campaignId);
    expect(campaign).toMatchObject({ state: 'running', finished_at: null });
    const jobs = await getDb().db.selectFrom('jobs').select(['name', 'payload']).where('name', '=', 'send-campaign').execute();
    expect(jobs.filter((j) => j.payload.includes(campaignId)).length).toBeGreaterThanOrEqual(2);

    // Person 1 has no other channel: the row ends as bounced. A delay notice changes nothing.
    expect((await post(token, { messageId: rowOne.message_id, status: '4.4.1', reason: 'delayed' })).json()).toMatchObject({ outcome: 'unchanged', state: 'accepted' });
    expect((await post(token, { messageId: rowOne.message_id, status: '5.2.2' })).json()).toMatchObject({ outcome: 'bounced', fallbackChannel: null });
    expect(await auditActions()).toEqual(expect.arrayContaining(['outbox.bounced']));
  });

  it('reports counts, timeline and failures by reference, with addresses only when asked', async () => {
    const csv = await get(author, `${base}/${campaignId}/report.csv`);
    expect(csv.statusCode).toBe(200);
    const report = parse(csv.body.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
    const failures = report.filter((r) => r.section === 'failure');
    expect(failures.map((f) => `${f.channel}:${f.state}`).sort()).toEqual(['email:bounced', 'email:fallen_back']);
    const ids = new Set((await rows()).map((r) => r.id));
    expect(failures.every((f) => ids.has(f.reference!))).toBe(true);
    expect(csv.body).not.toContain('gone3@example.test');
    expect(csv.body).not.toContain('ok1@example.test');
    expect(report.filter((r) => r.section === 'count').map((r) => `${r.channel}:${r.state}=${r.count}`)).toEqual(
      expect.arrayContaining(['email:bounced=1', 'email:fallen_back=1', 'letter:accepted=1', 'letter:pending=1', 'sms:pending=1']),
    );
    // Three e-mails and one printed letter went out; bounced rows keep the moment they were sent.
    expect(report.filter((r) => r.section === 'hour').reduce((n, r) => n + Number(r.count), 0)).toBe(4);
    expect(report.find((r) => r.section === 'summary' && r.state === 'first_sent')!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const withContact = await get(author, `${base}/${campaignId}/report.csv?contact=yes`);
    expect(withContact.body).toContain('gone3@example.test');
    expect((await get(author, `${base}/${campaignId}/report.csv?contact=maybe`)).statusCode).toBe(400);

    const pdf = await get(author, `${base}/${campaignId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const exports = await getDb().db.selectFrom('audit_events').select('details').where('action', '=', 'campaign.report_exported').where('org_id', '=', orgId).execute();
    expect(exports.map((e) => JSON.parse(e.details) as { format: string; withContact: boolean }).map((d) => `${d.format}:${d.withContact}`).sort()).toEqual(['csv:false', 'csv:true', 'pdf:false']);
  });

  it('sends a test to the officer themselves, marked as a test, without touching the outbox', async () => {
    const { db } = getDb();
    const before = await countOutbox(db, campaignId);
    const personOne = (await db.selectFrom('affected_people').select(['id', 'person_key']).where('case_id', '=', caseId).execute()).find((p) => p.person_key === '1')!.id;
    const sent = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/test-send`, headers: author.headers, payload: { personId: personOne, language: 'en' } });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ to: authorEmail, channel: 'email' });
    const mail = await db.selectFrom('mailbox_messages').selectAll().where('to_address', '=', authorEmail).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('[TEST] Data breach at Belmij: your data');
    expect(mail.text_body).toMatch(/^TEST: /);
    expect(mail.text_body).toContain('Dear Naam 1,');
    expect(mail.text_body).toContain('your bank account number (IBAN)');
    const sample = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/test-send`, headers: author.headers, payload: { language: 'nl' } });
    expect(sample.json().subject).toBe('[TEST] Datalek bij Belmij: uw gegevens');
    expect(await countOutbox(db, campaignId)).toEqual(before);
    const bad = await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/test-send`, headers: author.headers, payload: { language: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('language');
    expect((await t.app.inject({ method: 'POST', url: `${base}/${campaignId}/test-send`, headers: outsider.headers, payload: { language: 'nl' } })).statusCode).toBe(404);
  });
  it('imports bounce e-mails from files: a permanent failure falls back to a letter, a second import changes nothing', async () => {
    const audience = await getDb().db.selectFrom('affected_people').select(['id', 'person_key']).where('case_id', '=', caseId).execute();
    const personFive = audience.find((p) => p.person_key === '5')!.id;
    const row = (await rows()).find((r) => r.affected_person_id === personFive && r.channel === 'email')!;
    expect(row.state).toBe('accepted');
    const bounce = path.join(dataDir, 'bounce.eml');
    const other = path.join(dataDir, 'other.eml');
    fs.writeFileSync(bounce, postfixBounce(row.message_id, 'moved5@example.test'));
    fs.writeFileSync(other, 'From: someone@example.test\r\nSubject: hello\r\n\r\nNot a bounce.\r\n');
    await updateCampaignFrom(getDb().db, campaignId, ['running'], { state: 'completed' });
    const out: string[] = [];
    const first = await importBounceFiles(t.ctx, [bounce, other], (line) => out.push(line));
    expect(first).toMatchObject({ files: 2, notices: 1, changed: 1 });
    expect(first.skipped).toEqual([`${other}: not a delivery status notification`]);
    expect(out[0]).toBe(`${bounce}: 5.1.1 ${row.id} fallen_back -> letter\n`);
    const second = await importBounceFiles(t.ctx, [bounce], () => {});
    expect(second).toMatchObject({ notices: 1, changed: 0 });
    const after = (await rows()).filter((r) => r.affected_person_id === personFive);
    expect(after.map((r) => `${r.channel}:${r.state}`).sort()).toEqual(['email:fallen_back', 'letter:pending']);
    // A letter waits for the print batch, not for a worker: the finished campaign stays finished.
    expect((await findCampaignRowById(getDb().db, campaignId))!.state).toBe('completed');
    const events = await getDb().db.selectFrom('audit_events').select(['actor_label', 'subject_id']).where('action', '=', 'outbox.bounced').where('subject_id', '=', row.id).execute();
    expect(events).toEqual([{ actor_label: 'cli:bounces-import', subject_id: row.id }]);
  });
});
