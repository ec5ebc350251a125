import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { anonymous, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { createWorker } from '../../jobs/index.ts';
import { newId } from '../../shared/ids.ts';
import { storeAffectedPeople, type Contact } from '../affected-people/index.ts';
import type { IncidentPageBody } from './incident-page.schemas.ts';
import { lookupQueueOf } from './index.ts';
import { createLookupRequestQueue } from './lookup-request-queue.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-lookup-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const texts = {
  whatHappened: 'Aanvallers kwamen binnen in ons klantcontactsysteem.',
  whatData: 'Namen, adressen en rekeningnummers.',
  whatWeDid: 'Wij hebben de toegang afgesloten.',
  whatToDo: 'Let op valse facturen.',
  phishing: 'Wij vragen nooit om uw wachtwoord.',
  contact: 'privacy@example.nl',
};

function pageBody(slug: string, overrides: Partial<IncidentPageBody> = {}): IncidentPageBody {
  return { slug, texts: { nl: texts, en: { ...texts, whatHappened: 'Attackers entered our customer contact system.' } }, notAffectedReply: 'message', allowCustomerLookup: false, ...overrides };
}

let addressCounter = 0;
function freshAddress(): string {
  addressCounter += 1;
  return `10.1.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

describeOnDatabases('incident page and lookup', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let auditor: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    t = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://breachdesk.example.nl' } });
    const user = await buildUser(t.ctx.db, { role: 'privacy_officer' });
    orgId = user.org_id;
    const auditorUser = await buildUser(t.ctx.db, { role: 'auditor', org_id: orgId });
    officer = await signIn(t.app, user.email);
    auditor = await signIn(t.app, auditorUser.email);
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function seedCase(people: Array<{ email: string | null; name: string; categories: string[]; contact?: Partial<Contact> }>) {
    const caseId = newId();
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('cases')
      .values({ id: caseId, org_id: orgId, reference: `BD-L-${caseId.slice(-6)}`, title: 'Lek', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now })
      .execute();
    await t.ctx.db.transaction().execute((tx) =>
      storeAffectedPeople(
        tx,
        t.ctx,
        { orgId, caseId, sourceId: 'analysis' },
        people.map((p, i) => ({
          personKey: `P${i}`,
          set: 'confirmed' as const,
          language: 'nl' as const,
          brands: [],
          categories: p.categories,
          specialCategories: [],
          vulnerable: [],
          records: 1,
          contact: { email: p.email, mobile: null, address: null, name: p.name, ...p.contact },
        })),
      ),
    );
    return caseId;
  }

  async function publishPage(caseId: string, slug: string, overrides: Partial<IncidentPageBody> = {}) {
    const saved = await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/incident-page`, headers: officer.headers, payload: pageBody(slug, overrides) });
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/incident-page/publish`, headers: officer.headers });
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as { published: boolean; path: string };
  }

  async function lookup(slug: string, identifier: string, remoteAddress = freshAddress(), extra: Record<string, string> = {}) {
    const visitor = await anonymous(t.app);
    return t.app.inject({
      method: 'POST',
      url: `/incident/${slug}/lookup`,
      remoteAddress,
      headers: { cookie: visitor.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: visitor.cookies.bd_csrf ?? '', identifier, ...extra }).toString(),
    });
  }

  async function flushLookups() {
    await lookupQueueOf(t.app)!.flush();
  }

  async function mailTo(address: string) {
    return t.ctx.db.selectFrom('mailbox_messages').selectAll().where('to_address', '=', address).execute();
  }

  async function runJobs() {
    await flushLookups();
    await createWorker(t.ctx).runDueJobs();
  }

  it('lets a privacy officer write, publish and unpublish the page, audited; others see no such page', async () => {
    const caseId = await seedCase([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/incident-page`, headers: officer.headers })).statusCode).toBe(404);
    const view = await publishPage(caseId, `lek-${caseId.slice(-6).toLowerCase()}`);
    expect(view.published).toBe(true);
    const denied = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/incident-page`, headers: auditor.headers });
    expect(denied.statusCode).toBe(404);
    const publicPage = await t.app.inject({ method: 'GET', url: view.path });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Aanvallers kwamen binnen');
    expect(publicPage.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await t.app.inject({ method: 'GET', url: `${view.path}?lang=en` })).body).toContain('Attackers entered our customer contact system.');

    const unpublished = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/incident-page/unpublish`, headers: officer.headers });
    expect(unpublished.json().published).toBe(false);
    const actions = await t.ctx.db.selectFrom('audit_events').select('action').where('case_id', '=', caseId).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['incident_page.created', 'incident_page.published', 'incident_page.unpublished']);
  });

  it('refuses an address another case already uses', async () => {
    const first = await seedCase([]);
    const second = await seedCase([]);
    await publishPage(first, `dubbel-${first.slice(-6).toLowerCase()}`);
    const clash = await t.app.inject({ method: 'PUT', url: `/api/cases/${second}/incident-page`, headers: officer.headers, payload: pageBody(`dubbel-${first.slice(-6).toLowerCase()}`) });
    expect(clash.statusCode).toBe(409);
  });

  it('answers every lookup the same and sends the affected person their own data, the unaffected a notice', async () => {
    const caseId = await seedCase([{ email: 'jan@example.nl', name: 'Jan Jansen', categories: ['name', 'iban', 'free_text_notes'] }]);
    const slug = `same-${caseId.slice(-6).toLowerCase()}`;
    await publishPage(caseId, slug);
    const affected = await lookup(slug, ' Jan@Example.NL ');
    const unaffected = await lookup(slug, 'piet@example.nl');
    const garbage = await lookup(slug, 'not an address');
    expect(affected.statusCode).toBe(200);
    expect(unaffected.statusCode).toBe(200);
    expect(garbage.statusCode).toBe(200);
    expect(unaffected.body).toBe(affected.body);
    expect(garbage.body).toBe(affected.body);
    expect(affected.body).toContain('hebben wij u een bericht gestuurd');

    await flushLookups();
    const payloads = await t.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'lookup-request').execute();
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(payloads)).not.toContain('jan@example.nl');
    expect(JSON.stringify(payloads)).not.toContain('piet@example.nl');

    await runJobs();
    await runJobs();
    const [toJan] = await mailTo('jan@example.nl');
    expect(toJan?.subject).toContain('Uw gegevens en het incident');
    expect(toJan?.text_body).toContain('Beste Jan Jansen');
    expect(toJan?.text_body).toContain('uw bankrekeningnummer (IBAN)');
    expect(toJan?.text_body).toContain('notities over u');
    expect(toJan?.text_body).toContain('Let op valse facturen.');
    expect(toJan?.text_body).toContain(`https://breachdesk.example.nl/incident/${slug}/verify`);
    const [toPiet] = await mailTo('piet@example.nl');
    expect(toPiet?.subject).toContain('niet getroffen');
    expect(toPiet?.text_body).not.toContain('IBAN');

    // The code in the message is genuine on the page; a changed one is not.
    const code = /Controlecode: ([0-9A-Z-]{19})/.exec(toJan!.text_body)![1]!;
    const visitor = await anonymous(t.app);
    const verify = (value: string) =>
      t.app.inject({
        method: 'POST',
        url: `/incident/${slug}/verify`,
        headers: { cookie: visitor.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: visitor.cookies.bd_csrf ?? '', code: value }).toString(),
      });
    expect((await verify(code.toLowerCase())).body).toContain('Deze code is echt');
    const forged = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect((await verify(forged)).body).toContain('Deze code is niet van ons');
  });

  it('sends nothing to the unaffected when the organisation chose so, and one message per identifier per period', async () => {
    const caseId = await seedCase([{ email: 'anna@example.nl', name: 'Anna', categories: ['email'] }]);
    const slug = `quiet-${caseId.slice(-6).toLowerCase()}`;
    await publishPage(caseId, slug, { notAffectedReply: 'nothing' });
    await lookup(slug, 'nobody@example.nl');
    await lookup(slug, 'anna@example.nl');
    await runJobs();
    await lookup(slug, 'anna@example.nl');
    await runJobs();
    await runJobs();
    expect(await mailTo('nobody@example.nl')).toEqual([]);
    expect(await mailTo('anna@example.nl')).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('lookup_throttle').select('identifier_hmac').where('case_id', '=', caseId).execute()).toHaveLength(1);
  });

  it('limits lookups per identifier and per client address before queuing anything, with the same answer', async () => {
    const caseId = await seedCase([]);
    const slug = `limit-${caseId.slice(-6).toLowerCase()}`;
    await publishPage(caseId, slug);
    const jobsOfCase = async () => (await t.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'lookup-request').execute()).filter((j) => j.payload.includes(caseId)).length;

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await lookup(slug, 'same@example.nl'));
    await flushLookups();
    expect(await jobsOfCase()).toBe(3);

    const address = freshAddress();
    for (let i = 0; i < 25; i++) answers.push(await lookup(slug, `person${i}@example.nl`, address));
    await flushLookups();
    expect(await jobsOfCase()).toBe(3 + 20);
    expect(new Set(answers.map((a) => `${a.statusCode}:${a.body}`)).size).toBe(1);
  });

  it('writes accepted lookups as jobs in batches, and drops what a full queue cannot hold', async () => {
    const caseId = await seedCase([]);
    const queue = createLookupRequestQueue(t.ctx, { maxPending: 5, batchSize: 10, flushEveryMs: 60_000 });
    const payload = (i: number) => ({ orgId, caseId, kind: 'email' as const, identifierHmac: i.toString(16).padStart(64, '0'), identifierEnc: `v1:x${i}`, locale: 'nl' as const });
    const accepted = Array.from({ length: 7 }, (_, i) => queue.offer(payload(i)));
    expect(accepted).toEqual([true, true, true, true, true, false, false]);
    const jobsOfCase = async () => (await t.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'lookup-request').execute()).filter((j) => j.payload.includes(caseId));
    expect(await jobsOfCase()).toHaveLength(0);
    await queue.flush();
    expect(queue.pending()).toBe(0);
    const written = (await jobsOfCase()).map((j) => (JSON.parse(j.payload) as { identifierHmac: string }).identifierHmac).sort();
    expect(written).toEqual([0, 1, 2, 3, 4].map((i) => payload(i).identifierHmac));
    // Once closed, nothing more is taken: a server that is shutting down cannot lose what it accepted.
    expect(queue.offer(payload(9))).toBe(true);
    await queue.close();
    expect(queue.offer(payload(10))).toBe(false);
    expect(await jobsOfCase()).toHaveLength(6);
  });

  it('finds a customer by customer number and postcode when the page allows it, and answers at the contact on file', async () => {
    const caseId = await seedCase([{ email: 'klant@example.nl', name: 'Kees Klant', categories: ['name', 'customer_id', 'iban'], contact: { customerNumber: 'KL-12345', postcode: '1234 AB' } }]);
    const slug = `klant-${caseId.slice(-6).toLowerCase()}`;
    await publishPage(caseId, slug, { allowCustomerLookup: true });
    const page = await t.app.inject({ method: 'GET', url: `/incident/${slug}` });
    expect(page.body).toContain('name="customerNumber"');
    expect(page.body).toContain('name="postcode"');

    const byNumber = await lookup(slug, '', freshAddress(), { customerNumber: ' kl-12345 ', postcode: '1234ab' });
    const wrongPostcode = await lookup(slug, '', freshAddress(), { customerNumber: 'KL-12345', postcode: '9999 ZZ' });
    const byEmail = await lookup(slug, 'iemand@example.nl');
    expect(wrongPostcode.body).toBe(byNumber.body);
    expect(byEmail.body).toBe(byNumber.body);
    await runJobs();
    await runJobs();
    const [reply] = await mailTo('klant@example.nl');
    expect(reply?.text_body).toContain('Beste Kees Klant');
    expect(reply?.text_body).toContain('uw klantnummer');
    // The wrong postcode matched nobody and there is no address to answer: one message in all.
    expect(await mailTo('klant@example.nl')).toHaveLength(1);
    const payloads = JSON.stringify(await t.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'lookup-request').execute());
    expect(payloads).not.toContain('KL-12345');

    // Without the organisation's consent the same input is not looked up at all.
    const closedCase = await seedCase([{ email: 'ander@example.nl', name: 'Ander', categories: ['name'], contact: { customerNumber: 'KL-55555', postcode: '1234 AB' } }]);
    const closedSlug = `dicht-${closedCase.slice(-6).toLowerCase()}`;
    await publishPage(closedCase, closedSlug);
    expect((await t.app.inject({ method: 'GET', url: `/incident/${closedSlug}` })).body).not.toContain('name="customerNumber"');
    await lookup(closedSlug, '', freshAddress(), { customerNumber: 'KL-55555', postcode: '1234 AB' });
    await runJobs();
    expect(await mailTo('ander@example.nl')).toEqual([]);
  });

  it('offers phone lookups only with an SMS gateway, and answers a phone number by text message', async () => {
    const caseId = await seedCase([{ email: null, name: 'Mo', categories: ['name', 'phone'], contact: { mobile: '+31612345678' } }]);
    const slug = `sms-${caseId.slice(-6).toLowerCase()}`;
    await publishPage(caseId, slug);
    expect((await t.app.inject({ method: 'GET', url: `/incident/${slug}` })).body).toContain('wij kunnen geen sms versturen');
    await lookup(slug, '06 1234 5678');
    await flushLookups();
    const phoneJobs = async () => (await t.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'lookup-request').execute()).filter((j) => j.payload.includes(caseId));
    expect(await phoneJobs()).toHaveLength(0);

    const received: Array<{ to: string; text: string }> = [];
    const gateway = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body) as { to: string; text: string });
        response.writeHead(202).end('queued');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const withSms = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://breachdesk.example.nl', SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send` } });
    try {
      const page = await withSms.app.inject({ method: 'GET', url: `/incident/${slug}` });
      expect(page.body).not.toContain('wij kunnen geen sms versturen');
      const visitor = await anonymous(withSms.app);
      await withSms.app.inject({
        method: 'POST',
        url: `/incident/${slug}/lookup`,
        remoteAddress: freshAddress(),
        headers: { cookie: visitor.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: visitor.cookies.bd_csrf ?? '', identifier: '06 1234 5678' }).toString(),
      });
      await lookupQueueOf(withSms.app)!.flush();
      await createWorker(withSms.ctx).runDueJobs();
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('+31612345678');
      expect(received[0]!.text).toContain('uw telefoonnummer');
      expect(received[0]!.text).toMatch(/Controlecode: [0-9A-Z-]{19}/);
    } finally {
      await withSms.app.close();
      await new Promise((resolve) => gateway.close(resolve));
    }
  });

  it('shows no page for an unknown or unpublished address', async () => {
    const caseId = await seedCase([]);
    const slug = `hidden-${caseId.slice(-6).toLowerCase()}`;
    await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/incident-page`, headers: officer.headers, payload: pageBody(slug) });
    expect((await t.app.inject({ method: 'GET', url: `/incident/${slug}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/incident/does-not-exist' })).statusCode).toBe(404);
    expect((await lookup(slug, 'x@example.nl')).statusCode).toBe(404);
  });
});
