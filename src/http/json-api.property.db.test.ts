import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn } from '../../test/factories.ts';
import type { DbOrTx } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { App } from './server.ts';

/** Field names the endpoints know, so that generated bodies also get past the first check and into the deeper ones. */
const knownFields = [
  'description', 'reporterEmail', 'reporterPhone', 'reporterName', 'reporterRole', 'occurredAt', 'discoveredAt', 'personsMin', 'personsMax', 'dataCategories', 'ongoing', 'dataEncrypted',
  'processorAwareAt', 'facts', 'data', 'subjects', 'categories', 'protection', 'brand', 'name', 'audienceSets', 'channelOrder', 'elderlyRoute', 'templates', 'nl', 'en', 'subject', 'body',
  'contact', 'organisation', 'url', 'nature', 'consequences', 'min', 'max', '__proto__', 'constructor',
];
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom('', ' ', 'jan@example.nl', '2026-13-45T25:61', '1e400', 'NaN', '\u0000', 'x'.repeat(20_000), -1, 0, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, true, null),
    fc.dictionary(fc.constantFrom(...knownFields), tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...knownFields), value, { maxKeys: 8 }));

describeOnDatabases('the JSON API under arbitrary bodies', (getDb) => {
  let app: App;
  let officer: SignedIn;
  let orgId: string;
  let caseId: string;

  beforeAll(async () => {
    ({ app } = await buildTestApp(getDb()));
    const db = getDb().db;
    const org = await buildOrganisation(db);
    orgId = org.id;
    officer = await signIn(app, (await buildUser(db, { org_id: orgId, role: 'privacy_officer' })).email);
    caseId = newId();
    const now = new Date().toISOString();
    await db.insertInto('cases').values({ id: caseId, org_id: orgId, reference: `BD-P-${caseId.slice(-8)}`, title: 't', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now }).execute();
  });
  afterAll(async () => {
    await app.close();
  });

  /** Everything a request could have stored: rows of the organisation in the tables these endpoints write, and the case facts. */
  async function storedState(db: DbOrTx) {
    const count = async (table: 'reports' | 'audit_events' | 'jobs') => {
      const query = db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n'));
      return Number((await (table === 'jobs' ? query : query.where('org_id', '=', orgId)).executeTakeFirstOrThrow()).n);
    };
    const campaigns = await db.withTables<{ campaigns: { id: string; case_id: string } }>().selectFrom('campaigns').select('id').where('case_id', '=', caseId).execute();
    const kase = await db.selectFrom('cases').select(['facts', 'updated_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
    return { reports: await count('reports'), audit: await count('audit_events'), jobs: await count('jobs'), campaigns: campaigns.length, kase };
  }

  const endpoints = [
    { method: 'POST' as const, url: () => '/api/reports' },
    { method: 'POST' as const, url: () => '/api/assess' },
    { method: 'PUT' as const, url: () => `/api/cases/${caseId}/facts` },
    { method: 'POST' as const, url: () => `/api/cases/${caseId}/campaigns` },
  ];

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.url().replace(/\/cases\/[^/]+/, '/cases/:id')}: never 500, a refusal names the field, and a refused request stores nothing`, { timeout: 120_000 }, async () => {
      const db = getDb().db;
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await storedState(db);
          const response = await app.inject({ method: endpoint.method, url: endpoint.url(), headers: { ...officer.headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode < 400) return;
          const error = response.json<{ error: { code: string; message: string; issues?: Array<{ field: string; message: string }> } }>().error;
          expect(error.message.length).toBeGreaterThan(0);
          if (error.code === 'validation_failed') {
            expect(error.issues?.length, response.body).toBeGreaterThan(0);
            for (const issue of error.issues ?? []) expect(issue.field, response.body).toMatch(/\S/);
          }
          expect(await storedState(db)).toEqual(before);
        }),
        { numRuns: 100 },
      );
    });
  }
});
