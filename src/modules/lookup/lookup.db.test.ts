import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { anonymous, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { createWorker } from '../../jobs/index.ts';
import { newId } from '../../shared/ids.ts';
import { storeAffectedPeople } from '../affected-people/index.ts';
import type { IncidentPageBody } from './incident-page.schemas.ts';

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

  async function seedCase(people: Array<{ email: string; name: string; categories: string[] }>) {
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
          contact: { email: p.email, mobile: null, address: null, name: p.name },
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

  async function lookup(slug: string, identifier: string, remoteAddress = freshAddress()) {
    const visitor = await anonymous(t.app);
    return t.app.inject({
      method: 'POST',
      url: `/incident/${slug}/lookup`,
      remoteAddress,
      headers: { cookie: visitor.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: visitor.cookies.bd_csrf ?? '', identifier }).toString(),
    });
  }

  async function mailTo(address: string) {
    return t.ctx.db.selectFrom('mailbox_messages').selectAll().where('to_address', '=', address).execute();
  }

  async function runJobs() {
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
    expect(await jobsOfCase()).toBe(3);

    const address = freshAddress();
    for (let i = 0; i < 25; i++) answers.push(await lookup(slug, `person${i}@example.nl`, address));
    expect(await jobsOfCase()).toBe(3 + 20);
    expect(new Set(answers.map((a) => `${a.statusCode}:${a.body}`)).size).toBe(1);
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
