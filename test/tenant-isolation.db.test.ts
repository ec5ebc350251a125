import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../src/db/database.ts';
import { registeredRoutes, type RegisteredRoute } from '../src/modules/auth/index.ts';
import { createCase } from '../src/modules/cases/index.ts';
import { describeOnDatabases } from './db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from './factories.ts';

/**
 * Walks the real route table as organisation B's admin with organisation A's ids and checks that nothing of
 * A is reachable, changeable or listed. Routes are collected from the server itself, so a route added later
 * is covered without being named here; only these public routes are exempt.
 */
const publicRoutes = [
  /^\/healthz$/,
  /^\/readyz$/,
  /^\/api\/docs(\/|$)/,
  /^\/api\/setup(\/:token)?$/,
  // The anonymous "report a breach" pages and their assets, for the public and for processors with a link.
  /^\/report(\/|$)/,
  // The published incident pages with "am I affected?": found by slug, they always answer the same way.
  /^\/incident(\/|$)/,
];
// Things that are not records: derived or per-process tables, and those keyed by hashes rather than ids.
const notRecordTables = new Set(['sessions', 'login_throttle', 'setup_tokens', 'jobs', 'schema_migrations', 'schema_migrations_lock']);
const marker = 'alphasecret';

function isExempt(route: RegisteredRoute): boolean {
  return publicRoutes.some((pattern) => pattern.test(route.url));
}

function hasParams(url: string): boolean {
  return /[:*]/.test(url);
}

function fillParams(url: string, id: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(id)).replace(/\*/g, encodeURIComponent(id));
}

function errorCodeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function recordTables(db: Db): Promise<Array<{ name: string; columns: string[] }>> {
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !notRecordTables.has(t.name)).map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}

/** Every row that belongs to the organisation, table by table, found by its org columns or its case. */
async function rowsOf(db: Db, orgId: string): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  const caseIds = (await db.selectFrom('cases').select('id').where('org_id', '=', orgId).execute()).map((r) => r.id);
  for (const table of await recordTables(db)) {
    const ownerColumns = ['org_id', 'controller_org_id'].filter((c) => table.columns.includes(c));
    const conditions = ownerColumns.map((c) => sql`${sql.ref(c)} = ${orgId}`);
    if (table.name === 'organisations') conditions.push(sql`${sql.ref('id')} = ${orgId}`);
    if (table.columns.includes('case_id') && caseIds.length > 0) conditions.push(sql`${sql.ref('case_id')} in (${sql.join(caseIds)})`);
    if (conditions.length === 0) continue;
    const order = table.columns.includes('id') ? sql`order by ${sql.ref('id')}` : sql``;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} where ${sql.join(conditions, sql` or `)} ${order}`.execute(db);
    result[table.name] = rows.rows;
  }
  return result;
}

function idsIn(rows: Record<string, unknown[]>): string[] {
  const ids = new Set<string>();
  for (const list of Object.values(rows)) {
    for (const row of list as Array<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && (column === 'id' || column.endsWith('_id')) && value.length >= 8) ids.add(value);
      }
    }
  }
  return [...ids];
}

describeOnDatabases('tenant isolation', (getDb) => {
  let t: TestApp;
  let asA: SignedIn;
  let asB: SignedIn;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb());
    orgA = (await buildOrganisation(db, { name: 'AlphaSecret Telecom' })).id;
    orgB = (await buildOrganisation(db, { name: 'Bravo Energy' })).id;
    const adminA = await buildUser(db, { org_id: orgA, email: 'admin@alphasecret.test', display_name: 'AlphaSecret Admin' });
    const adminB = await buildUser(db, { org_id: orgB, email: 'admin@bravo.test', display_name: 'Bravo Admin' });
    asA = await signIn(t.app, adminA.email);
    asB = await signIn(t.app, adminB.email);

    // A's records, made through the real routes and services wherever they exist.
    const seed = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url, headers: asA.headers, payload });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
    };
    await seed('/api/users', { email: 'staff@alphasecret.test', displayName: 'AlphaSecret Staff', role: 'staff_reporter' });
    await seed('/api/organisation/brands', { name: 'AlphaSecret Mobile' });
    await seed('/api/organisation/processors', { name: 'AlphaSecret Callcenter', reportDeadlineHours: 24, contactEmail: 'dpo@alphasecret-cc.test' });
    await createCase(t.ctx, orgA, { title: 'AlphaSecret customer database', summary: 'AlphaSecret summary' }, { label: 'test' });
    await t.ctx.mailer.send({ to: 'someone@alphasecret.test', subject: 'AlphaSecret notice', text: 'AlphaSecret body', orgId: orgA });
    // B has records of its own, so that its lists are not trivially empty.
    await createCase(t.ctx, orgB, { title: 'Bravo incident' }, { label: 'test' });
    await t.ctx.mailer.send({ to: 'someone@bravo.test', subject: 'Bravo notice', text: 'Bravo body', orgId: orgB });
  });

  afterAll(async () => {
    await t.app.close();
  });

  const request = async (who: SignedIn, method: string, url: string) => {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
    const response = await t.app.inject({ method: method as 'GET', url, headers: who.headers, ...(hasBody ? { payload: {} } : {}) });
    if (!hasBody || response.statusCode !== 415) return response;
    // An upload route refuses JSON before it looks at the id: send it a real file so that the id is checked.
    const boundary = 'isolationboundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="probe.txt"\r\nContent-Type: text/plain\r\n\r\nprobe\r\n--${boundary}--\r\n`;
    return t.app.inject({ method: method as 'POST', url, headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  it('finds the routes to walk in the server itself', () => {
    const routes = registeredRoutes(t.app);
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /api/users', 'PATCH /api/users/:id', 'GET /api/session']));
    expect(routes.filter((r) => !isExempt(r) && hasParams(r.url)).length).toBeGreaterThan(0);
  });

  it("answers every route with a parameter as if A's ids did not exist, and changes nothing of A", async () => {
    const { db } = getDb();
    const before = await rowsOf(db, orgA);
    const ids = idsIn(before);
    expect(ids).toContain(orgA);
    expect(ids.length).toBeGreaterThan(6);
    const auditCount = async () => Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgA).executeTakeFirstOrThrow()).n);
    const auditBefore = await auditCount();

    const routes = registeredRoutes(t.app).filter((r) => !isExempt(r) && hasParams(r.url));
    const leaks: string[] = [];
    let reachableByA = 0;
    for (const route of routes) {
      for (const id of ids) {
        const url = fillParams(route.url, id);
        const response = await request(asB, route.method, url);
        // HEAD answers carry no body: their status alone must match.
        const code = route.method === 'HEAD' ? undefined : errorCodeOf(response.body);
        const allowed =
          (response.statusCode === 404 && (route.method === 'HEAD' || code === 'not_found')) ||
          (response.statusCode === 400 && (route.method === 'HEAD' || code === 'validation_failed' || code === 'malformed_request'));
        if (!allowed) leaks.push(`${route.method} ${url} -> ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (route.method === 'GET' && (await request(asA, 'GET', url)).statusCode === 200) reachableByA += 1;
      }
    }
    expect(leaks).toEqual([]);
    // The same walk as A's own admin does reach A's records: the 404s above come from isolation, not from bad urls.
    expect(reachableByA).toBeGreaterThan(0);
    expect(await rowsOf(db, orgA)).toEqual(before);
    expect(await auditCount()).toBe(auditBefore);
    // Every route times every id of A, on a shared CI machine: the walk grows with each route added.
  }, 180_000);

  it("lists nothing of A to B on any list route", async () => {
    const ids = idsIn(await rowsOf(getDb().db, orgA));
    const routes = registeredRoutes(t.app).filter((r) => !isExempt(r) && !hasParams(r.url) && r.method === 'GET');
    const leaks: string[] = [];
    let listedForA = 0;
    for (const route of routes) {
      const response = await request(asB, 'GET', route.url);
      expect(response.statusCode, `${route.url}`).toBeLessThan(500);
      const body = response.body;
      const found = ids.filter((id) => body.includes(id));
      if (found.length > 0 || body.toLowerCase().includes(marker)) leaks.push(`GET ${route.url} shows ${found.join(', ') || marker}`);
      if ((await request(asA, 'GET', route.url)).body.toLowerCase().includes(marker)) listedForA += 1;
    }
    expect(leaks).toEqual([]);
    expect(listedForA).toBeGreaterThan(2);
    expect(orgB).not.toBe(orgA);
  });
});
