import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { createMailer } from '../../adapters/mailer/index.ts';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config/config.ts';
import type { Actor, Role } from '../../http/actor.ts';
import { buildServer, type App } from '../../http/server.ts';
import { createLogger } from '../../shared/logger.ts';
import { systemClock } from '../../shared/time.ts';
import { createCase } from '../cases/index.ts';
import { createOrganisation } from './organisations.service.ts';

// The session is the auth module's concern; here a test-only header stands in for it.
const actorHeader = 'x-test-actor';

function actorOf(orgId: string, role: Role = 'admin', processorOrgId: string | null = null): Actor {
  return { userId: `user-${role}`, orgId, role, processorOrgId, locale: 'en', displayName: 'Test', sessionId: null };
}

describeOnDatabases('organisation and case routes', (getDb) => {
  let app: App;
  let orgA: string;
  let orgB: string;
  let caseOfA: string;

  beforeAll(async () => {
    const database = getDb();
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const ctx: AppContext = { config, database, db: database.db, logger: createLogger('silent'), clock: systemClock, mailer: createMailer(config, database.db, systemClock) };
    app = await buildServer(ctx);
    app.addHook('onRequest', async (request) => {
      const raw = request.headers[actorHeader];
      if (typeof raw === 'string') request.actor = JSON.parse(raw) as Actor;
    });
    await app.ready();
    const deps = { db: database.db, clock: systemClock };
    orgA = (await createOrganisation(deps, { name: 'Route A B.V.', sector: 'telecom', nis2: 'essential', brands: ['A1'] }, { label: 'cli' })).id;
    orgB = (await createOrganisation(deps, { name: 'Route B B.V.', sector: 'energy' }, { label: 'cli' })).id;
    caseOfA = (await createCase(deps, orgA, { title: 'Contact system hack', summary: 'Exfiltration', state: 'assessing', awareAt: '2026-02-10T08:00:00.000Z' }, { label: 'cli' })).id;
  });

  afterAll(async () => {
    await app.close();
  });

  function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, actor: Actor | null, payload?: unknown) {
    return app.inject({
      method,
      url,
      headers: { ...(actor ? { [actorHeader]: JSON.stringify(actor) } : {}), cookie: 'bd_csrf=test-token', 'x-csrf-token': 'test-token' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  it('answers 401 without a signed-in actor', async () => {
    const response = await call('GET', '/api/organisation', null);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('not_authenticated');
    expect((await call('GET', '/api/cases', null)).statusCode).toBe(401);
  });

  it('shows the organisation to every member and lets an admin change it', async () => {
    const read = await call('GET', '/api/organisation', actorOf(orgA, 'staff_reporter'));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: orgA, name: 'Route A B.V.', sector: 'telecom', nis2: 'essential', timeZone: 'Europe/Amsterdam', defaultLocale: 'nl', brands: [{ name: 'A1' }], processors: [] });

    const denied = await call('PATCH', '/api/organisation', actorOf(orgA, 'privacy_officer'), { nis2: 'important' });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('not_found');

    const changed = await call('PATCH', '/api/organisation', actorOf(orgA), { timeZone: 'Europe/Brussels' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().timeZone).toBe('Europe/Brussels');

    const invalid = await call('PATCH', '/api/organisation', actorOf(orgA), { sector: 'mining' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['sector']);
  });

  it('adds and removes brands and answers a duplicate with a field error', async () => {
    const added = await call('POST', '/api/organisation/brands', actorOf(orgA), { name: 'A2' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ id: expect.any(String), name: 'A2' });
    const duplicate = await call('POST', '/api/organisation/brands', actorOf(orgA), { name: 'a2' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error).toMatchObject({ code: 'validation_failed', issues: [{ field: 'name' }] });
    expect((await call('DELETE', `/api/organisation/brands/${added.json().id}`, actorOf(orgB))).statusCode).toBe(404);
    expect((await call('DELETE', `/api/organisation/brands/${added.json().id}`, actorOf(orgA))).statusCode).toBe(204);
    expect((await call('DELETE', `/api/organisation/brands/${added.json().id}`, actorOf(orgA))).statusCode).toBe(404);
  });

  it('adds a processor with a default 24-hour deadline and shows it only the processor name', async () => {
    const added = await call('POST', '/api/organisation/processors', actorOf(orgA), { name: 'Vendor B.V.', contactEmail: 'soc@vendor.example' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Vendor B.V.', reportDeadlineHours: 24, contactEmail: 'soc@vendor.example' });
    const badEmail = await call('POST', '/api/organisation/processors', actorOf(orgA), { name: 'Other B.V.', contactEmail: 'not-an-address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['contactEmail']);

    const processorActor = actorOf(orgA, 'processor', added.json().orgId);
    const own = await call('GET', '/api/organisation', processorActor);
    expect(own.json()).toMatchObject({ id: added.json().orgId, name: 'Vendor B.V.', brands: [], processors: [] });
    expect((await call('GET', '/api/cases', processorActor)).json()).toEqual({ cases: [] });
    expect((await call('GET', `/api/cases/${caseOfA}`, processorActor)).statusCode).toBe(404);
  });

  it('lists and shows cases of the own organisation only', async () => {
    const list = await call('GET', '/api/cases', actorOf(orgA, 'auditor'));
    expect(list.statusCode).toBe(200);
    expect(list.json().cases).toEqual([
      expect.objectContaining({ id: caseOfA, reference: expect.stringMatching(/^BD-\d{4}-0001$/), title: 'Contact system hack', awareAt: '2026-02-10T08:00:00.000Z', createdAt: expect.any(String) }),
    ]);
    const detail = await call('GET', `/api/cases/${caseOfA}`, actorOf(orgA, 'security_analyst'));
    expect(detail.json()).toMatchObject({ id: caseOfA, summary: 'Exfiltration', updatedAt: expect.any(String) });

    expect((await call('GET', '/api/cases', actorOf(orgB))).json()).toEqual({ cases: [] });
    const foreign = await call('GET', `/api/cases/${caseOfA}`, actorOf(orgB));
    const missing = await call('GET', '/api/cases/does-not-exist', actorOf(orgB));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
  });
});
