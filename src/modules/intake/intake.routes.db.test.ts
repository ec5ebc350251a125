import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn } from '../../../test/factories.ts';
import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { createWorker } from '../../jobs/index.ts';
import { newId } from '../../shared/ids.ts';
import { sealStoredReports } from './seal-stored-reports.service.ts';

const boundary = 'bdTestBoundary';

function multipart(fields: Record<string, string | string[]>, files: Array<{ name: string; type: string; data: Buffer }> = []): { payload: Buffer; headers: Record<string, string> } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: 'bd_csrf=csrf-value' } };
}

describeOnDatabases('report intake', (getDb) => {
  let app: App;
  let ctx: AppContext;
  let orgId: string;
  let slug: string;
  let officer: SignedIn;
  let admin: SignedIn;
  let processorLinkId: string;
  let processorOrgId: string;
  let otherProcessorOrgId: string;
  let addressCounter = 0;
  let publicReportId: string;

  beforeAll(async () => {
    ({ app, ctx } = await buildTestApp(getDb(), { env: { MAX_UPLOAD_BYTES: '2048' } }));
    const db = getDb().db;
    const org = await buildOrganisation(db, { name: 'Zorg & Co B.V.' });
    orgId = org.id;
    processorOrgId = (await buildOrganisation(db, { kind: 'processor', name: 'Hosting B.V.' })).id;
    otherProcessorOrgId = (await buildOrganisation(db, { kind: 'processor', name: 'Other B.V.' })).id;
    processorLinkId = newId();
    await db.insertInto('processor_links').values({ id: processorLinkId, controller_org_id: orgId, processor_org_id: processorOrgId, report_deadline_hours: 24, contact_email: null, created_at: new Date().toISOString() }).execute();
    const po = await buildUser(db, { org_id: orgId, role: 'privacy_officer' });
    const ad = await buildUser(db, { org_id: orgId, role: 'admin' });
    officer = await signIn(app, po.email);
    admin = await signIn(app, ad.email);
    const me = await app.inject({ method: 'GET', url: '/api/organisation', headers: officer.headers });
    expect(me.statusCode).toBe(200);
    slug = me.json().slug;
    expect(me.json().publicReportUrl).toContain(`/report/${slug}`);
  });

  afterAll(async () => {
    await app.close();
  });

  // Each test speaks from its own address so that the rate limit of one does not spill into another.
  function from(): { remoteAddress: string } {
    addressCounter += 1;
    return { remoteAddress: `10.0.${Math.floor(addressCounter / 250)}.${addressCounter % 250}` };
  }

  async function reportCount(): Promise<number> {
    return Number((await getDb().db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);
  }

  it('serves the form in Dutch with a CSRF field, and in English on request', async () => {
    const response = await app.inject({ method: 'GET', url: `/report/${slug}`, ...from() });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="nl">');
    const cookie = response.cookies.find((c) => c.name === 'bd_csrf');
    expect(cookie).toBeDefined();
    expect(response.body).toContain(`name="_csrf" value="${cookie!.value}"`);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const english = await app.inject({ method: 'GET', url: `/report/${slug}?lang=en`, ...from() });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Report a data breach');
    expect((await app.inject({ method: 'GET', url: '/public-assets/report.css', ...from() })).headers['content-type']).toContain('text/css');
  });

  it('stores a public report encrypted with its attachment and sends the confirmation e-mail without queuing the address', async () => {
    const body = multipart(
      { _csrf: 'csrf-value', description: 'Laptop <script>alert(1)</script> gestolen', reporterRole: 'staff', reporterName: 'Mieke Melder', reporterEmail: 'melder@example.org', reporterPhone: '+31 6 87654321', dataCategories: ['name', 'health'], personsMin: '10', personsMax: '50', ongoing: 'no', dataEncrypted: 'no', occurredAt: '2026-03-01T10:00' },
      [{ name: 'note.txt', type: 'text/plain', data: Buffer.from('evidence') }],
    );
    const response = await app.inject({ method: 'POST', url: `/report/${slug}`, ...body, ...from() });
    expect(response.statusCode).toBe(200);
    const reference = /MLD-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(response.body)?.[0];
    expect(reference).toBeDefined();
    const db = getDb().db;
    const report = await db.selectFrom('reports').selectAll().where('reference', '=', reference!).executeTakeFirstOrThrow();
    expect(report.source).toBe('public');
    expect(report.occurred_at).toBe('2026-03-01T09:00:00.000Z');
    expect(JSON.parse(report.data_categories)).toEqual(['name', 'health']);
    const files = await db.selectFrom('files').selectAll().where('report_id', '=', report.id).execute();
    expect(files).toHaveLength(1);
    publicReportId = report.id;
    // The text and the contact details are stored only encrypted, under the organisation's data key.
    expect(JSON.stringify(report)).not.toMatch(/gestolen|Mieke|melder@|87654321/);
    const dataKey = await db.selectFrom('data_keys').select(['org_id', 'case_id']).where('id', '=', (report as { data_key_id?: string }).data_key_id ?? '').executeTakeFirstOrThrow();
    expect(dataKey).toEqual({ org_id: orgId, case_id: null });
    const jobs = await db.selectFrom('jobs').selectAll().where('name', '=', 'send-report-confirmation').execute();
    const job = jobs.find((j) => j.payload.includes(report.id));
    expect(job).toBeDefined();
    expect(JSON.stringify(jobs)).not.toContain('melder@');
    const worker = createWorker(ctx);
    while ((await worker.runDueJobs()) > 0);
    const mail = await db.selectFrom('mailbox_messages').selectAll().where('to_address', '=', 'melder@example.org').execute();
    expect(mail.map((m) => m.subject)).toEqual([`Uw melding ${reference} is ontvangen`]);
    // The stored script comes back escaped on the triage detail page too, and the details come back readable.
    const detail = await app.inject({ method: 'GET', url: `/api/reports/${report.id}`, headers: officer.headers });
    expect(detail.json()).toMatchObject({ reporterName: 'Mieke Melder', reporterEmail: 'melder@example.org', reporterPhone: '+31 6 87654321' });
    expect(detail.json().description).toContain('<script>');
    expect(detail.headers['content-type']).toContain('application/json');
    const listed = await app.inject({ method: 'GET', url: '/api/reports', headers: officer.headers });
    expect(listed.json().reports.find((r: { id: string }) => r.id === report.id).excerpt).toBe('Laptop <script>alert(1)</script> gestolen');
  });

  it('answers a filled honeypot with a confirmation but stores and sends nothing', async () => {
    const before = await reportCount();
    const response = await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', description: 'spam', website: 'http://spam.example' }), ...from() });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/MLD-/);
    expect(await reportCount()).toBe(before);
  });

  it('rejects an oversized or unaccepted attachment per field, keeps the input and stores nothing', async () => {
    const before = await reportCount();
    const big = await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', description: 'Big <b>file</b>' }, [{ name: 'big.pdf', type: 'application/pdf', data: Buffer.alloc(4096, 1) }]), ...from() });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('id="attachments-error"');
    expect(big.body).toContain('Big &lt;b&gt;file&lt;/b&gt;');
    expect(big.body).not.toContain('<b>file</b>');
    const html = await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', description: 'x' }, [{ name: 'page.html', type: 'text/html', data: Buffer.from('<p>') }]), ...from() });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('href="#attachments"');
    const missing = await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', description: '' }), ...from() });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="description-error"');
    expect(await reportCount()).toBe(before);
  });

  it('refuses a post without the CSRF field', async () => {
    const { payload, headers } = multipart({ description: 'x' });
    const response = await app.inject({ method: 'POST', url: `/report/${slug}`, payload, headers, ...from() });
    expect(response.statusCode).toBe(403);
  });

  it('answers 429 once an address has posted too often', async () => {
    const address = from();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', description: 'x', website: 'bot' }), ...address })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('creates, uses and revokes an API token that reaches nothing but intake', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'SIEM' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^bd_[a-z0-9]{8}_/);
    const stored = await getDb().db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    const report = await app.inject({ method: 'POST', url: '/api/reports', headers: auth, payload: { description: 'SIEM alert: mass download', dataCategories: ['email'] } });
    expect(report.statusCode).toBe(201);
    const row = await getDb().db.selectFrom('reports').selectAll().where('id', '=', report.json().id).executeTakeFirstOrThrow();
    expect(row.source).toBe('api');
    expect(row.api_token_id).toBe(id);
    expect((await app.inject({ method: 'GET', url: '/api/reports', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/organisation', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: auth })).statusCode).toBe(404);
    const listed = await app.inject({ method: 'GET', url: '/api/tokens', headers: admin.headers });
    expect(listed.json().tokens.find((t: { id: string }) => t.id === id).lastUsedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: officer.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/api/reports', headers: auth, payload: { description: 'again' } })).statusCode).toBe(401);
  });

  it('keeps both times of a processor report made through its signed link', async () => {
    const link = await app.inject({ method: 'POST', url: `/api/organisation/processors/${processorLinkId}/report-link`, headers: officer.headers });
    expect(link.statusCode).toBe(201);
    const path = new URL(link.json().url).pathname;
    const form = await app.inject({ method: 'GET', url: path, ...from() });
    expect(form.body).toContain('Hosting B.V.');
    expect(form.body).toContain('name="processorAwareAt"');
    const withoutAwareness = await app.inject({ method: 'POST', url: path, ...multipart({ _csrf: 'csrf-value', description: 'Backup exposed' }), ...from() });
    expect(withoutAwareness.statusCode).toBe(400);
    const response = await app.inject({ method: 'POST', url: path, ...multipart({ _csrf: 'csrf-value', description: 'Backup exposed', processorAwareAt: '2026-03-01T08:30' }), ...from() });
    expect(response.statusCode).toBe(200);
    const reference = /MLD-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(response.body)![0];
    const row = await getDb().db.selectFrom('reports').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row.source).toBe('processor');
    expect(row.processor_org_id).toBe(processorOrgId);
    expect(row.processor_aware_at).toBe('2026-03-01T07:30:00.000Z');
    expect(row.processor_reported_at).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/report/processor/not-a-valid-token-at-all-xx', ...from() })).statusCode).toBe(404);
  });

  it('shows a processor account only its own reports', async () => {
    const db = getDb().db;
    const mine = await buildUser(db, { org_id: orgId, role: 'processor', processor_org_id: processorOrgId });
    const other = await buildUser(db, { org_id: orgId, role: 'processor', processor_org_id: otherProcessorOrgId });
    const mineIn = await signIn(app, mine.email);
    const otherIn = await signIn(app, other.email);
    const noAwareness = await app.inject({ method: 'POST', url: '/api/reports', headers: mineIn.headers, payload: { description: 'Misdelivered e-mail' } });
    expect(noAwareness.statusCode).toBe(400);
    const created = await app.inject({ method: 'POST', url: '/api/reports', headers: mineIn.headers, payload: { description: 'Misdelivered e-mail', processorAwareAt: '2026-03-01T08:00:00Z' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: mineIn.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: otherIn.headers })).statusCode).toBe(404);
    const otherList = await app.inject({ method: 'GET', url: '/api/reports', headers: otherIn.headers });
    expect(otherList.json().reports.some((r: { id: string }) => r.id === id)).toBe(false);
    expect((await app.inject({ method: 'POST', url: `/api/reports/${id}/triage`, headers: mineIn.headers, payload: { action: 'not_a_breach', reason: 'x' } })).statusCode).toBe(404);
  });

  it('triages reports into a new case, onto an existing case, and as not a breach', async () => {
    const open = async (description: string) => (await app.inject({ method: 'POST', url: '/api/reports', headers: officer.headers, payload: { description, dataCategories: ['name'], personsMin: 5, personsMax: 9 } })).json().id as string;
    const first = await open('Mail to wrong recipient');
    const second = await open('Same incident, second report');
    const third = await open('Phishing mail, nobody clicked');
    const toCase = await app.inject({ method: 'POST', url: `/api/reports/${first}/triage`, headers: officer.headers, payload: { action: 'new_case', title: 'Wrong recipient' } });
    expect(toCase.statusCode).toBe(200);
    expect(toCase.json().status).toBe('converted');
    const caseId = toCase.json().caseId;
    const db = getDb().db;
    const kase = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(kase.title).toBe('Wrong recipient');
    expect(JSON.parse(kase.facts).data.subjects).toEqual({ min: 5, max: 9 });
    expect((await db.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).execute()).length).toBeGreaterThan(0);
    const attach = await app.inject({ method: 'POST', url: `/api/reports/${second}/triage`, headers: officer.headers, payload: { action: 'attach', caseId } });
    expect(attach.json()).toEqual({ reportId: second, status: 'attached', caseId });
    const withFile = await app.inject({ method: 'POST', url: `/api/reports/${publicReportId}/triage`, headers: officer.headers, payload: { action: 'attach', caseId } });
    expect(withFile.statusCode).toBe(200);
    const moved = await db.selectFrom('files').select('case_id').where('report_id', '=', publicReportId).execute();
    expect(moved.map((f) => f.case_id)).toEqual([caseId]);
    const missing = await app.inject({ method: 'POST', url: `/api/reports/${third}/triage`, headers: officer.headers, payload: { action: 'attach', caseId: 'no-such-case' } });
    expect(missing.statusCode).toBe(400);
    const dismissed = await app.inject({ method: 'POST', url: `/api/reports/${third}/triage`, headers: officer.headers, payload: { action: 'not_a_breach', reason: 'No personal data left the organisation' } });
    expect(dismissed.json().status).toBe('not_a_breach');
    const closed = await db.selectFrom('cases').selectAll().where('id', '=', dismissed.json().caseId).executeTakeFirstOrThrow();
    expect(closed.state).toBe('closed');
    expect(Number(closed.not_a_breach)).toBe(1);
    expect(closed.closed_reason).toBe('No personal data left the organisation');
    expect((await app.inject({ method: 'POST', url: `/api/reports/${first}/triage`, headers: officer.headers, payload: { action: 'new_case' } })).statusCode).toBe(409);
    const audit = await db.selectFrom('audit_events').select('action').where('subject_id', '=', first).execute();
    expect(audit.map((a) => a.action)).toContain('report.triaged');
  });

  it('serves the form at /report when one organisation takes reports, and 404s an unknown slug', async () => {
    const controllers = await getDb().db.selectFrom('organisations').select('id').where('kind', '=', 'controller').execute();
    const plain = await app.inject({ method: 'GET', url: '/report', ...from() });
    if (controllers.length === 1) expect(plain.body).toContain('action="/report?lang=nl"');
    else expect(plain.body).toContain(`href="/report/${slug}?lang=nl"`);
    const unknown = await app.inject({ method: 'GET', url: '/report/no-such-org', ...from() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
  });

  it('audits reading the reporter contact details, and lets only triagers triage', async () => {
    const db = getDb().db;
    const reporter = await buildUser(db, { org_id: orgId, role: 'staff_reporter' });
    const auditor = await buildUser(db, { org_id: orgId, role: 'auditor' });
    const reporterIn = await signIn(app, reporter.email);
    const auditorIn = await signIn(app, auditor.email);
    const created = await app.inject({ method: 'POST', url: '/api/reports', headers: reporterIn.headers, payload: { description: 'Wrong attachment sent', reporterPhone: '+31 6 12345678' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.source).toBe('internal');
    expect(row.reporter_role).toBe('staff');
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: auditorIn.headers })).json().reporterPhone).toBe('+31 6 12345678');
    const viewed = await db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_id', '=', id).where('action', '=', 'report.contact_viewed').execute();
    expect(viewed.map((v) => v.actor_user_id)).toContain(auditor.id);
    expect((await app.inject({ method: 'POST', url: `/api/reports/${id}/triage`, headers: auditorIn.headers, payload: { action: 'not_a_breach', reason: 'x' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/reports', headers: auditorIn.headers, payload: { description: 'x' } })).statusCode).toBe(404);
    // A staff reporter sees what it reported and nothing else.
    const own = (await app.inject({ method: 'GET', url: '/api/reports', headers: reporterIn.headers })).json().reports;
    expect(own.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('lets a token attach a file to the report it opened, and nothing else', async () => {
    const { token } = (await app.inject({ method: 'POST', url: '/api/tokens', headers: admin.headers, payload: { name: 'Ticketing' } })).json();
    const auth = { authorization: `Bearer ${token}` };
    const report = (await app.inject({ method: 'POST', url: '/api/reports', headers: auth, payload: { description: 'Ticket 42' } })).json();
    const upload = (name: string, type: string, data: string) => ({
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${data}\r\n--${boundary}--\r\n`,
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const added = await app.inject({ method: 'POST', url: `/api/reports/${report.id}/files`, ...upload('log.txt', 'text/plain', 'GET /export 200') });
    expect(added.statusCode).toBe(201);
    expect(added.json().sha256).toHaveLength(64);
    expect((await app.inject({ method: 'POST', url: `/api/reports/${report.id}/files`, ...upload('x.html', 'text/html', '<p>') })).statusCode).toBe(400);
    const big = await app.inject({ method: 'POST', url: `/api/reports/${report.id}/files`, ...upload('big.txt', 'text/plain', 'x'.repeat(4096)) });
    expect(big.statusCode).toBe(413);
    const others = (await app.inject({ method: 'POST', url: '/api/reports', headers: officer.headers, payload: { description: 'not the token’s' } })).json();
    expect((await app.inject({ method: 'POST', url: `/api/reports/${others.id}/files`, ...upload('log.txt', 'text/plain', 'x') })).statusCode).toBe(404);
    const files = await getDb().db.selectFrom('files').select('name').where('report_id', '=', report.id).execute();
    expect(files.map((f) => f.name)).toEqual(['log.txt']);
  });

  it('encrypts reports stored before encryption once, when keys are rotated, and reads both kinds meanwhile', async () => {
    const db = getDb().db;
    const legacyId = newId();
    await db
      .insertInto('reports')
      .values({
        id: legacyId, org_id: orgId, reference: `MLD-OLD-${legacyId.slice(-4)}`, source: 'public', status: 'new', case_id: null, reporter_role: 'customer', reporter_org_name: null,
        reporter_name: 'Oude Melder', reporter_email: 'oud@example.org', reporter_phone: '0612121212', reporter_user_id: null, processor_org_id: null, api_token_id: null,
        locale: 'nl', description: 'Oude melding NL91ABNA0417164300', occurred_at: null, discovered_at: null, ongoing: 'no', systems: '', data_categories: '[]', persons_min: null, persons_max: null,
        data_encrypted: 'unknown', processor_aware_at: null, processor_reported_at: null, triage_reason: null, triaged_by: null, triaged_at: null, created_at: new Date().toISOString(),
      })
      .execute();
    const read = async () => (await app.inject({ method: 'GET', url: `/api/reports/${legacyId}`, headers: officer.headers })).json();
    expect(await read()).toMatchObject({ description: 'Oude melding NL91ABNA0417164300', reporterEmail: 'oud@example.org' });

    const first = await sealStoredReports(db, ctx, { batchSize: 2 });
    expect(first.sealed).toBeGreaterThanOrEqual(1);
    const raw = await db.selectFrom('reports').selectAll().where('id', '=', legacyId).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toMatch(/NL91ABNA|Oude Melder|oud@|0612121212/);
    expect(await read()).toMatchObject({ description: 'Oude melding NL91ABNA0417164300', reporterName: 'Oude Melder', reporterEmail: 'oud@example.org', reporterPhone: '0612121212' });
    // Encrypted reports are not encrypted twice.
    expect(await sealStoredReports(db, ctx)).toEqual({ sealed: 0, changed: 0 });
    expect(await read()).toMatchObject({ description: 'Oude melding NL91ABNA0417164300' });
  });

  it('never answers 500 to random form input and stores nothing when it rejects', async () => {
    const text = fc.string({ maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ description: text, occurredAt: text, personsMin: text, personsMax: text, reporterEmail: text, reporterPhone: text, ongoing: text, dataEncrypted: text, reporterRole: text, dataCategories: fc.array(text, { maxLength: 4 }) }),
        async (fields) => {
          const before = await reportCount();
          const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v].flat().map((s) => s.replace(/[\r\n"-]/g, ' '))])) as Record<string, string[]>;
          const response = await app.inject({ method: 'POST', url: `/report/${slug}`, ...multipart({ _csrf: 'csrf-value', ...clean }), ...from() });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode !== 200) expect(await reportCount()).toBe(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});
