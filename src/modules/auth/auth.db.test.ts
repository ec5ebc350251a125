import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { anonymous, buildOrganisation, buildTestApp, buildUser, cookiesOf, createTestClock, headersFor, signIn, type TestApp } from '../../../test/factories.ts';
import { ensureFirstAdmin, firstAdminEmail } from '../users/index.ts';
import { hashSecret } from './secret-hash.ts';

const minute = 60_000;
const hour = 60 * minute;

describeOnDatabases('accounts and sessions', (getDb) => {
  const clock = createTestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(getDb(), { clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' } });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const session = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/session', headers });
  const attempt = async (email: string, password: string, remoteAddress = '127.0.0.1') => {
    const { headers } = await anonymous(t.app);
    return t.app.inject({ method: 'POST', url: '/api/session', headers, payload: { email, password }, remoteAddress });
  };
  const auditActions = async (userId: string) =>
    (await getDb().db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', userId).orderBy('seq').execute()).map((e) => e.action);

  it('signs in with the right password and answers GET /api/session with Me', async () => {
    const org = await buildOrganisation(getDb().db, { name: 'Acme Telecom' });
    const user = await buildUser(getDb().db, { org_id: org.id, email: 'ann@acme.test', role: 'privacy_officer', locale: 'nl' });
    const signed = await signIn(t.app, 'ANN@acme.test ');
    const response = await session(signed.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: user.id, email: 'ann@acme.test', displayName: user.display_name, role: 'privacy_officer', locale: 'nl', orgId: org.id, orgName: 'Acme Telecom', mfaEnrolmentRequired: false },
    });
    const stored = await getDb().db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    // Only the hash of the cookie's token is stored.
    expect(stored[0]!.id).toBe(hashSecret(signed.cookies.bd_session!));
    expect(await auditActions(user.id)).toContain('session.signed_in');
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/', async () => {
    const user = await buildUser(getDb().db);
    const response = await attempt(user.email, user.password!);
    const cookie = response.cookies.find((c) => c.name === 'bd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers 401 invalid_credentials alike for a wrong password and an unknown e-mail, and audits without the e-mail', async () => {
    const user = await buildUser(getDb().db);
    const wrong = await attempt(user.email, 'not the password at all', '10.0.0.1');
    const unknown = await attempt('nobody@nowhere.test', 'not the password at all', '10.0.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json()).toEqual(wrong.json());
    expect(cookiesOf(wrong).bd_session).toBeUndefined();
    const failures = await getDb().db.selectFrom('audit_events').selectAll().where('action', '=', 'session.sign_in_failed').execute();
    expect(failures.map((f) => f.subject_id)).toEqual(expect.arrayContaining([user.id, null]));
    for (const f of failures) expect(f.details).not.toContain('@');
    expect(JSON.stringify(await getDb().db.selectFrom('login_throttle').selectAll().execute())).not.toContain('nobody');
  });

  it('answers 401 without a session and for a user without password', async () => {
    const user = await buildUser(getDb().db, { password: null });
    expect((await session({})).statusCode).toBe(401);
    expect((await attempt(user.email, 'whatever it may be', '10.0.0.2')).statusCode).toBe(401);
  });

  it('locks an account after five failures with a growing delay, and a success resets the count', async () => {
    const user = await buildUser(getDb().db);
    const ip = '10.0.1.1';
    for (let i = 0; i < 5; i += 1) expect((await attempt(user.email, 'wrong password!!', ip)).statusCode).toBe(401);
    const locked = await attempt(user.email, user.password!, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 60 } });
    expect(locked.headers['retry-after']).toBe('60');
    // An unknown e-mail is throttled the same way: the 429 does not reveal which accounts exist.
    for (let i = 0; i < 5; i += 1) await attempt('ghost@nowhere.test', 'wrong password!!', '10.0.1.2');
    expect((await attempt('ghost@nowhere.test', 'wrong password!!', '10.0.1.2')).statusCode).toBe(429);

    clock.advance(61_000);
    expect((await attempt(user.email, 'wrong password!!', ip)).statusCode).toBe(401);
    const longer = await attempt(user.email, user.password!, ip);
    expect(longer.json().error.details.retryAfterSeconds).toBe(120);

    clock.advance(121_000);
    expect((await attempt(user.email, user.password!, ip)).statusCode).toBe(200);
    // Reset: the next failure is the first again, not a seventh.
    expect((await attempt(user.email, 'wrong password!!', ip)).statusCode).toBe(401);
    expect((await attempt(user.email, user.password!, ip)).statusCode).toBe(200);
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '10.0.2.1';
    for (let i = 0; i < 20; i += 1) await attempt(`spray-${i}@nowhere.test`, 'wrong password!!', ip);
    const user = await buildUser(getDb().db);
    expect((await attempt(user.email, user.password!, ip)).statusCode).toBe(429);
    expect((await attempt(user.email, user.password!, '10.0.2.2')).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout, and keeps an active one alive', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    clock.advance(29 * minute);
    expect((await session(signed.headers)).statusCode).toBe(200);
    clock.advance(29 * minute);
    expect((await session(signed.headers)).statusCode).toBe(200);
    clock.advance(31 * minute);
    const expired = await session(signed.headers);
    expect(expired.statusCode).toBe(401);
    expect(cookiesOf(expired).bd_session).toBe('');
    expect(await getDb().db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('ends a session at the absolute limit however active', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    for (let i = 0; i < 16; i += 1) {
      clock.advance(29 * minute);
      expect((await session(signed.headers)).statusCode).toBe(200);
    }
    clock.advance(25 * minute);
    expect((await session(signed.headers)).statusCode).toBe(401);
  });

  it('rotates the session on sign-in: the old cookie stops working', async () => {
    const user = await buildUser(getDb().db);
    const first = await signIn(t.app, user.email);
    const again = await t.app.inject({ method: 'POST', url: '/api/session', headers: first.headers, payload: { email: user.email, password: user.password } });
    expect(again.statusCode).toBe(200);
    const newToken = cookiesOf(again).bd_session!;
    expect(newToken).not.toBe(first.cookies.bd_session);
    expect((await session(first.headers)).statusCode).toBe(401);
    expect((await session(headersFor({ ...first.cookies, bd_session: newToken }))).statusCode).toBe(200);
  });

  it('ends every session of a user whose role changes, and of a disabled user at once', async () => {
    const org = await buildOrganisation(getDb().db);
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    const analyst = await buildUser(getDb().db, { org_id: org.id, role: 'security_analyst' });
    const adminSession = await signIn(t.app, admin.email);
    let analystSession = await signIn(t.app, analyst.email);

    const promote = await t.app.inject({ method: 'PATCH', url: `/api/users/${analyst.id}`, headers: adminSession.headers, payload: { role: 'privacy_officer' } });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().user.role).toBe('privacy_officer');
    expect((await session(analystSession.headers)).statusCode).toBe(401);
    analystSession = await signIn(t.app, analyst.email);
    expect((await session(analystSession.headers)).json().user.role).toBe('privacy_officer');

    // A rename alone keeps the session.
    await t.app.inject({ method: 'PATCH', url: `/api/users/${analyst.id}`, headers: adminSession.headers, payload: { displayName: 'Renamed' } });
    expect((await session(analystSession.headers)).statusCode).toBe(200);

    const disable = await t.app.inject({ method: 'PATCH', url: `/api/users/${analyst.id}`, headers: adminSession.headers, payload: { disabled: true } });
    expect(disable.json().user.disabled).toBe(true);
    expect((await session(analystSession.headers)).statusCode).toBe(401);
    expect((await attempt(analyst.email, analyst.password!, '10.0.3.1')).statusCode).toBe(401);
    expect(await auditActions(analyst.id)).toEqual(expect.arrayContaining(['user.role_changed', 'user.renamed', 'user.disabled']));
  });

  it('ignores a session whose user was disabled directly in the database', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    await getDb().db.updateTable('users').set({ disabled_at: clock.now().toISOString() }).where('id', '=', user.id).execute();
    expect((await session(signed.headers)).statusCode).toBe(401);
  });

  it('signs out: DELETE /api/session ends the session', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: signed.headers });
    expect(out.statusCode).toBe(204);
    expect((await session(signed.headers)).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('session.signed_out');
  });

  it('changes the own locale with PATCH /api/me', async () => {
    const user = await buildUser(getDb().db, { locale: 'nl' });
    const signed = await signIn(t.app, user.email);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: signed.headers, payload: { locale: 'en' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.locale).toBe('en');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: signed.headers, payload: { locale: 'de' } });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects an unsafe request without the CSRF token, with a wrong one, and accepts a form field', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    const { cookie } = signed.headers;
    const without = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: { locale: 'en' } });
    expect(wrong.statusCode).toBe(403);
    // Sign-in itself is protected too (login CSRF).
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: user.password } });
    expect(login.statusCode).toBe(403);
    expect(cookiesOf(login).bd_csrf).toBeTruthy();
    const form = await t.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(signed.cookies.bd_csrf!)}`,
    });
    expect(form.statusCode).toBe(204);
  });

  it('sets the CSRF cookie readable by scripts and SameSite=Strict, only when missing', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/healthz' });
    const cookie = first.cookies.find((c) => c.name === 'bd_csrf');
    expect(cookie).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(cookie?.httpOnly).toBeFalsy();
    const second = await t.app.inject({ method: 'GET', url: '/healthz', headers: { cookie: `bd_csrf=${cookie!.value}` } });
    expect(second.cookies.find((c) => c.name === 'bd_csrf')).toBeUndefined();
  });

  it('exempts bearer requests from CSRF and never reads the session cookie for them', async () => {
    const user = await buildUser(getDb().db);
    const signed = await signIn(t.app, user.email);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: signed.headers.cookie, authorization: 'Bearer abc' }, payload: { locale: 'en' } });
    expect(response.statusCode).toBe(401);
  });

  it('uses a setup link once, within 24 hours, and signs in with the new password', async () => {
    const org = await buildOrganisation(getDb().db);
    const admin = await buildUser(getDb().db, { org_id: org.id });
    const adminSession = await signIn(t.app, admin.email);
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: adminSession.headers, payload: { email: 'New.Person@Acme.test', displayName: 'New Person', role: 'staff_reporter' } });
    expect(created.statusCode).toBe(201);
    const { user, setupLink } = created.json() as { user: { id: string; email: string }; setupLink: string };
    expect(user.email).toBe('new.person@acme.test');
    const token = setupLink.split('/setup/')[1]!;
    expect(setupLink).toBe(`http://localhost:3000/setup/${token}`);

    const described = await t.app.inject({ method: 'GET', url: `/api/setup/${token}` });
    expect(described.json()).toEqual({ email: 'new.person@acme.test', displayName: 'New Person' });

    const { headers } = await anonymous(t.app);
    const short = await t.app.inject({ method: 'POST', url: '/api/setup', headers, payload: { token, password: 'too short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].field).toBe('password');

    const done = await t.app.inject({ method: 'POST', url: '/api/setup', headers, payload: { token, password: 'a long enough secret' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(user.id);
    expect(cookiesOf(done).bd_session).toBeTruthy();
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.created', 'user.password_set', 'session.signed_in']));

    const reuse = await t.app.inject({ method: 'POST', url: '/api/setup', headers, payload: { token, password: 'another long secret' } });
    expect(reuse.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/setup/${token}` })).statusCode).toBe(404);
    expect((await attempt('new.person@acme.test', 'a long enough secret', '10.0.4.1')).statusCode).toBe(200);
  });

  it('refuses an expired setup link', async () => {
    const org = await buildOrganisation(getDb().db);
    const admin = await buildUser(getDb().db, { org_id: org.id });
    const adminSession = await signIn(t.app, admin.email);
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: adminSession.headers, payload: { email: 'late@acme.test', displayName: 'Late', role: 'auditor' } });
    const token = (created.json().setupLink as string).split('/setup/')[1]!;
    clock.advance(24 * hour + 1000);
    expect((await t.app.inject({ method: 'GET', url: `/api/setup/${token}` })).statusCode).toBe(404);
    const { headers } = await anonymous(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/api/setup', headers, payload: { token, password: 'a long enough secret' } })).statusCode).toBe(404);
  });
});

describeOnDatabases('first run', (getDb) => {
  it('creates the organisation and a passwordless admin with a setup link once, and nothing when accounts exist', async () => {
    const clock = createTestClock();
    const t = await buildTestApp(getDb(), { clock });
    try {
      const link = await ensureFirstAdmin(t.ctx);
      expect(link).toMatch(/^http:\/\/localhost:3000\/setup\/[\w-]{40,}$/);
      const orgs = await getDb().db.selectFrom('organisations').selectAll().execute();
      expect(orgs).toMatchObject([{ name: 'My organisation', kind: 'controller', sector: 'other', nis2: 'none', time_zone: 'Europe/Amsterdam', default_locale: 'nl' }]);
      const users = await getDb().db.selectFrom('users').selectAll().execute();
      expect(users).toMatchObject([{ email: firstAdminEmail, role: 'admin', password_hash: null, org_id: orgs[0]!.id }]);
      expect(await ensureFirstAdmin(t.ctx)).toBeNull();
      expect(await getDb().db.selectFrom('users').selectAll().execute()).toHaveLength(1);

      const token = link!.split('/setup/')[1]!;
      const { headers } = await anonymous(t.app);
      const done = await t.app.inject({ method: 'POST', url: '/api/setup', headers, payload: { token, password: 'the admin password' } });
      expect(done.json().user).toMatchObject({ email: firstAdminEmail, role: 'admin', orgName: 'My organisation' });
    } finally {
      await t.app.close();
    }
  });
});
