import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { createMailboxMailer } from '../../adapters/mailer/mailbox-mailer.ts';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config/config.ts';
import type { Actor, Role } from '../../http/actor.ts';
import { buildServer, type App } from '../../http/server.ts';
import { createLogger } from '../../shared/logger.ts';
import type { Clock } from '../../shared/time.ts';

// The session is the auth module's concern; here a test-only header stands in for it.
const actorHeader = 'x-test-actor';

function actorOf(orgId: string, role: Role = 'admin'): Actor {
  return { userId: `user-${role}`, orgId, role, processorOrgId: null, locale: 'en', displayName: 'Test', sessionId: null };
}

describeOnDatabases('mailbox routes', (getDb) => {
  let app: App;
  const ids: Record<string, string> = {};
  let tick = Date.parse('2026-03-01T09:00:00.000Z');
  const clock: Clock = { now: () => new Date((tick += 60_000)) };

  beforeAll(async () => {
    const database = getDb();
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const mailer = createMailboxMailer(database.db, clock, config.MAIL_FROM);
    const ctx: AppContext = { config, database, db: database.db, logger: createLogger('silent'), clock, mailer };
    app = await buildServer(ctx);
    app.addHook('onRequest', async (request) => {
      const raw = request.headers[actorHeader];
      if (typeof raw === 'string') request.actor = JSON.parse(raw) as Actor;
    });
    await app.ready();
    for (const [key, orgId] of [['first', 'org-a'], ['other', 'org-b'], ['second', 'org-a'], ['system', null]] as const) {
      await mailer.send({ to: `${key}@example.org`, subject: `Subject ${key}`, text: `Body ${key}`, orgId, messageId: `<${key}@test>` });
      const row = await database.db.selectFrom('mailbox_messages').select('id').where('message_id', '=', `<${key}@test>`).executeTakeFirstOrThrow();
      ids[key] = row.id;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  function get(url: string, actor: Actor | null) {
    return app.inject({ method: 'GET', url, headers: actor ? { [actorHeader]: JSON.stringify(actor) } : {} });
  }

  it('lists the messages of the admin\'s own organisation, newest first', async () => {
    const response = await get('/api/mailbox', actorOf('org-a'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.driver).toBe('mailbox');
    expect(body.messages).toEqual([
      { id: ids.second, to: 'second@example.org', subject: 'Subject second', createdAt: '2026-03-01T09:03:00.000Z' },
      { id: ids.first, to: 'first@example.org', subject: 'Subject first', createdAt: '2026-03-01T09:01:00.000Z' },
    ]);
    expect((await get('/api/mailbox?limit=1', actorOf('org-a'))).json().messages).toHaveLength(1);
  });

  it('shows one message in full', async () => {
    const response = await get(`/api/mailbox/${ids.first}`, actorOf('org-a'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: ids.first,
      to: 'first@example.org',
      from: 'Breachdesk <breachdesk@localhost>',
      subject: 'Subject first',
      text: 'Body first',
      createdAt: '2026-03-01T09:01:00.000Z',
    });
  });

  it('answers 404 for a message of another organisation, exactly like a missing one', async () => {
    const foreign = await get(`/api/mailbox/${ids.other}`, actorOf('org-a'));
    const missing = await get('/api/mailbox/00000000-0000-7000-8000-000000000000', actorOf('org-a'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect((await get(`/api/mailbox/${ids.system}`, actorOf('org-a'))).statusCode).toBe(404);
  });

  it('answers 404 to anyone but an admin and 401 without a session', async () => {
    for (const role of ['privacy_officer', 'auditor', 'staff_reporter'] as const) {
      expect((await get('/api/mailbox', actorOf('org-a', role))).statusCode).toBe(404);
      expect((await get(`/api/mailbox/${ids.first}`, actorOf('org-a', role))).statusCode).toBe(404);
    }
    const anonymous = await get('/api/mailbox', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('not_authenticated');
  });
});
