import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { anonymous, buildTestApp, buildUser, signIn, type TestApp } from '../../../test/factories.ts';
import { newId } from '../../shared/ids.ts';
import { lookupQueueOf } from './index.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-lookup-property-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const texts = { whatHappened: 'Er is iets gebeurd.', whatData: 'Namen.', whatWeDid: 'Afgesloten.', whatToDo: 'Let op.', phishing: 'Nooit uw wachtwoord.', contact: 'privacy@example.nl' };

let addressCounter = 0;
function freshAddress(): string {
  addressCounter += 1;
  return `10.9.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('', ' ', 'jan@example.nl', '+31612345678', '0612345678', 'a@b', '@', '%00', '\u0000', '\ud800', 'x'.repeat(5000), '1011AB', '<script>alert(1)</script>', "' OR 1=1 --"),
);

describeOnDatabases('the public lookup under arbitrary input', (getDb) => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://breachdesk.example.nl' } });
    const user = await buildUser(t.ctx.db, { role: 'privacy_officer' });
    const officer = await signIn(t.app, user.email);
    const caseId = newId();
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('cases')
      .values({ id: caseId, org_id: user.org_id, reference: `BD-Q-${caseId.slice(-6)}`, title: 'Lek', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now })
      .execute();
    slug = `prop-${caseId.slice(-6).toLowerCase()}`;
    const saved = await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/incident-page`, headers: officer.headers, payload: { slug, texts: { nl: texts, en: texts }, notAffectedReply: 'message', allowCustomerLookup: true } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/incident-page/publish`, headers: officer.headers })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.app.close();
  });

  const queuedLookups = async () => {
    await lookupQueueOf(t.app)!.flush();
    const row = await t.ctx.db.selectFrom('jobs').select((eb) => eb.fn.countAll<string | number>().as('n')).where('name', '=', 'lookup-request').executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('answers any form with the one same page or a 4xx, never a 500, and queues nothing for a refused request', { timeout: 180_000 }, async () => {
    const visitor = await anonymous(t.app);
    const post = (payload: string, remoteAddress: string, csrf = true) =>
      t.app.inject({
        method: 'POST',
        url: `/incident/${slug}/lookup`,
        remoteAddress,
        headers: { cookie: csrf ? visitor.headers.cookie : '', 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: visitor.cookies.bd_csrf ?? '', ...fields }).toString();
    const baseline = await post(form({ identifier: 'nobody@example.nl' }), freshAddress());
    expect(baseline.statusCode).toBe(200);
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.dictionary(fc.constantFrom('identifier', 'customerNumber', 'postcode', 'kind', 'lang', '_csrf', 'website', 'x'), hostile, { maxKeys: 4 }),
        fc.boolean(),
        fc.boolean(),
        async (identifier, extra, withCsrf, rawBody) => {
          const before = await queuedLookups();
          const payload = rawBody ? `${identifier}&${Object.entries(extra).map(([k, v]) => `${k}=${v}`).join('&')}` : form({ identifier, ...extra });
          const response = await post(payload, freshAddress(), withCsrf);
          expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode === 200) {
            // Whatever was asked, the same page: the answer never tells who is affected.
            expect(response.body).toBe(baseline.body);
          } else {
            expect(response.statusCode).toBeGreaterThanOrEqual(400);
            expect(await queuedLookups()).toBe(before);
          }
        },
      ),
      { numRuns: 100 },
    );
    // Both kinds of answer were exercised: accepted lookups and refusals (a missing CSRF token at least).
    expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(10);
    expect([...statuses.keys()].some((status) => status >= 400), JSON.stringify([...statuses])).toBe(true);
  });
});
