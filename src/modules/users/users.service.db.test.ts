import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type TestApp } from '../../../test/factories.ts';
import { chooseOrganisation, createUser } from './users.service.ts';

describeOnDatabases('users', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(getDb());
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function orgWithAdmin() {
    const org = await buildOrganisation(getDb().db);
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    return { org, admin, session: await signIn(t.app, admin.email) };
  }

  it('creates a user with a password who can sign in at once, without a setup link', async () => {
    const { session } = await orgWithAdmin();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { email: 'analyst@example.test', displayName: 'Analyst', role: 'security_analyst', password: 'twelve chars ok' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ user: { id: expect.any(String), email: 'analyst@example.test', displayName: 'Analyst', role: 'security_analyst', disabled: false, createdAt: expect.any(String) } });
    await signIn(t.app, 'analyst@example.test', 'twelve chars ok');
    const stored = await getDb().db.selectFrom('users').select('password_hash').where('email', '=', 'analyst@example.test').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await getDb().db.selectFrom('audit_events').select('action').where('subject_id', '=', response.json().user.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.password_set', 'session.signed_in']);
  });

  it('rejects a short password, a bad e-mail and a taken e-mail', async () => {
    const { session } = await orgWithAdmin();
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload });
    const short = await post({ email: 'x@example.test', displayName: 'X', role: 'auditor', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['password']);
    expect((await post({ email: 'not-an-email', displayName: 'X', role: 'auditor' })).statusCode).toBe(400);
    expect((await post({ email: 'dup@example.test', displayName: 'X', role: 'auditor' })).statusCode).toBe(201);
    const dup = await post({ email: 'DUP@example.test', displayName: 'Y', role: 'auditor' });
    expect(dup.statusCode).toBe(409);
  });

  it('lets the privacy officer and auditor list but not change; others see nothing', async () => {
    const { org, admin } = await orgWithAdmin();
    for (const role of ['privacy_officer', 'auditor', 'security_analyst', 'staff_reporter'] as const) {
      const user = await buildUser(getDb().db, { org_id: org.id, role });
      const session = await signIn(t.app, user.email);
      const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
      const patch = await t.app.inject({ method: 'PATCH', url: `/api/users/${admin.id}`, headers: session.headers, payload: { disabled: true } });
      const create = await t.app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload: { email: `${role}-new@example.test`, displayName: 'N', role: 'admin' } });
      const mayList = role === 'privacy_officer' || role === 'auditor';
      expect(list.statusCode, role).toBe(mayList ? 200 : 404);
      if (mayList) expect(list.json().users.map((u: { id: string }) => u.id)).toContain(admin.id);
      expect(patch.statusCode, role).toBe(404);
      expect(create.statusCode, role).toBe(404);
    }
    const after = await getDb().db.selectFrom('users').select('disabled_at').where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(after.disabled_at).toBeNull();
  });

  it('keeps the last active admin: no demotion or disabling of it', async () => {
    const { admin, session } = await orgWithAdmin();
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/users/${admin.id}`, headers: session.headers, payload: { role: 'auditor' } });
    expect(demote.statusCode).toBe(409);
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/users/${admin.id}`, headers: session.headers, payload: { disabled: true } });
    expect(disable.statusCode).toBe(409);
  });

  it('ties a processor account to a linked processor organisation only', async () => {
    const { org, session } = await orgWithAdmin();
    const vendor = await t.app.inject({ method: 'POST', url: '/api/organisation/processors', headers: session.headers, payload: { name: 'Callcenter BV', reportDeadlineHours: 24 } });
    expect(vendor.statusCode).toBe(201);
    const vendorOrgId = vendor.json().orgId as string;
    const stranger = await buildOrganisation(getDb().db, { kind: 'processor' });
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload });
    expect((await post({ email: 'p1@example.test', displayName: 'P', role: 'processor' })).json().error.issues[0].field).toBe('processorOrgId');
    expect((await post({ email: 'p2@example.test', displayName: 'P', role: 'processor', processorOrgId: stranger.id })).statusCode).toBe(400);
    const ok = await post({ email: 'p3@example.test', displayName: 'P', role: 'processor', processorOrgId: vendorOrgId });
    expect(ok.statusCode).toBe(201);
    const row = await getDb().db.selectFrom('users').selectAll().where('email', '=', 'p3@example.test').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: org.id, processor_org_id: vendorOrgId });
  });

  it('chooses the organisation for the command line by id or name, or the only one', async () => {
    const { db } = getDb();
    const named = await buildOrganisation(db, { name: 'Unique Name BV' });
    expect((await chooseOrganisation(db, 'unique name bv')).id).toBe(named.id);
    expect((await chooseOrganisation(db, named.id)).id).toBe(named.id);
    await expect(chooseOrganisation(db, 'No Such Org')).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'org' }] });
    await expect(chooseOrganisation(db, undefined)).rejects.toMatchObject({ issues: [{ field: 'org' }] });
    const result = await createUser(t.ctx, { label: 'cli' }, { orgId: named.id, email: 'cli@example.test', displayName: 'Cli', role: 'admin' });
    expect(result.setupLink).toMatch(/\/setup\//);
    const audit = await db.selectFrom('audit_events').selectAll().where('subject_id', '=', result.user.id).execute();
    expect(audit).toMatchObject([{ action: 'user.created', actor_label: 'cli', org_id: named.id }]);
  });
});
