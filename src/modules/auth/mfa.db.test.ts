import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { anonymous, buildOrganisation, buildTestApp, buildUser, cookiesOf, createTestClock, headersFor, type TestApp } from '../../../test/factories.ts';
import type { Organisation } from '../../db/schema.ts';
import { setMfaRequiredRoles } from './mfa.service.ts';
import { totpCodeAt } from './totp.ts';

describeOnDatabases('second sign-in factor', (getDb) => {
  const clock = createTestClock();
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await buildTestApp(getDb(), { clock });
    org = await buildOrganisation(getDb().db, { name: 'Strict BV' });
    await setMfaRequiredRoles(getDb().db, org.id, ['admin', 'privacy_officer']);
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function passwordStep(email: string, password: string, remoteAddress = '127.0.0.1') {
    const { cookies } = await anonymous(t.app);
    const response = await t.app.inject({ method: 'POST', url: '/api/session', headers: headersFor(cookies), payload: { email, password }, remoteAddress });
    return { response, cookies: { ...cookies, ...cookiesOf(response) } };
  }

  async function codeStep(cookies: Record<string, string>, code: string, remoteAddress = '127.0.0.1') {
    const response = await t.app.inject({ method: 'POST', url: '/api/session/mfa', headers: headersFor(cookies), payload: { code }, remoteAddress });
    return { response, cookies: { ...cookies, ...cookiesOf(response) } };
  }

  /** Signs in with the password (no factor yet), enrols and confirms; answers the secret and backup codes. */
  async function enrol(email: string, password: string) {
    const { cookies } = await passwordStep(email, password);
    const headers = headersFor(cookies);
    const started = await t.app.inject({ method: 'POST', url: '/api/account/mfa/enrolment', headers });
    expect(started.statusCode).toBe(200);
    const { secret, qrCode, otpauthUri } = started.json() as { secret: string; qrCode: string; otpauthUri: string };
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(otpauthUri).toContain(encodeURIComponent(email));
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/account/mfa/confirmation', headers, payload: { code: totpCodeAt(secret, clock.now()) } });
    expect(confirmed.statusCode).toBe(200);
    const backupCodes = (confirmed.json() as { backupCodes: string[] }).backupCodes;
    clock.advance(31_000);
    return { secret, backupCodes, headers };
  }

  it('holds an admin without a second factor to the enrolment routes until one is set up', async () => {
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    const { response, cookies } = await passwordStep(admin.email, admin.password!);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.mfaEnrolmentRequired).toBe(true);
    const headers = headersFor(cookies);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('mfa_enrolment_required');
    expect((await t.app.inject({ method: 'GET', url: '/api/account/mfa', headers })).json()).toEqual({ enrolled: false, required: true, backupCodesLeft: 0 });

    const started = await t.app.inject({ method: 'POST', url: '/api/account/mfa/enrolment', headers });
    const { secret } = started.json() as { secret: string };
    // The secret is stored encrypted under the organisation's data key.
    const stored = await getDb().db.selectFrom('user_totp').selectAll().where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(secret);
    expect(stored.confirmed_at).toBeNull();

    const wrong = await t.app.inject({ method: 'POST', url: '/api/account/mfa/confirmation', headers, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/account/mfa/confirmation', headers, payload: { code: totpCodeAt(secret, clock.now()) } });
    expect(confirmed.json().backupCodes).toHaveLength(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers })).json().user.mfaEnrolmentRequired).toBe(false);
    const actions = await getDb().db.selectFrom('audit_events').select('action').where('subject_id', '=', admin.id).execute();
    expect(actions.map((a) => a.action)).toContain('user.mfa_enabled');
  });

  it('does not hold a role the organisation does not require it for', async () => {
    const reporter = await buildUser(getDb().db, { org_id: org.id, role: 'staff_reporter' });
    const { response } = await passwordStep(reporter.email, reporter.password!);
    expect(response.json().user.mfaEnrolmentRequired).toBe(false);
  });

  it('asks for the code after the password and signs in only with a fresh one', async () => {
    const officer = await buildUser(getDb().db, { org_id: org.id, role: 'privacy_officer' });
    const { secret } = await enrol(officer.email, officer.password!);

    const first = await passwordStep(officer.email, officer.password!);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json()).toEqual({ mfaRequired: true });
    expect(first.cookies.bd_session).toBeUndefined();
    expect(first.response.cookies.find((c) => c.name === 'bd_mfa')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const wrong = await codeStep(first.cookies, '123456');
    expect(wrong.response.statusCode).toBe(401);
    const code = totpCodeAt(secret, clock.now());
    const right = await codeStep(first.cookies, code);
    expect(right.response.statusCode).toBe(200);
    expect(right.response.json().user.id).toBe(officer.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: headersFor(right.cookies) })).statusCode).toBe(200);

    // The same code cannot be used for a second sign-in, nor the pending cookie twice.
    const again = await passwordStep(officer.email, officer.password!);
    expect((await codeStep(again.cookies, code)).response.statusCode).toBe(401);
    expect((await codeStep(first.cookies, totpCodeAt(secret, new Date(clock.now().getTime() + 30_000)))).response.statusCode).toBe(401);
  });

  it('lets a backup code stand in for the app exactly once', async () => {
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    const { backupCodes } = await enrol(admin.email, admin.password!);
    const first = await passwordStep(admin.email, admin.password!);
    expect((await codeStep(first.cookies, backupCodes[3]!.toUpperCase())).response.statusCode).toBe(200);
    const second = await passwordStep(admin.email, admin.password!);
    expect((await codeStep(second.cookies, backupCodes[3]!)).response.statusCode).toBe(401);
    const status = await t.app.inject({ method: 'GET', url: '/api/account/mfa', headers: headersFor((await codeStep(second.cookies, backupCodes[4]!)).cookies) });
    expect(status.json()).toEqual({ enrolled: true, required: true, backupCodesLeft: 8 });
  });

  it('expires a pending sign-in after five minutes', async () => {
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    const { secret } = await enrol(admin.email, admin.password!);
    const pending = await passwordStep(admin.email, admin.password!);
    clock.advance(5 * 60_000 + 1);
    const late = await codeStep(pending.cookies, totpCodeAt(secret, clock.now()));
    expect(late.response.statusCode).toBe(401);
    expect(late.response.json().error.code).toBe('not_authenticated');
  });

  it('locks after repeated wrong codes and tells the account’s owner once by e-mail', async () => {
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin', locale: 'en' });
    const { secret } = await enrol(admin.email, admin.password!);
    const pending = await passwordStep(admin.email, admin.password!, '10.9.9.9');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await codeStep(pending.cookies, '000000', '10.9.9.9')).response.statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await codeStep(pending.cookies, totpCodeAt(secret, clock.now()), '10.9.9.9')).response.statusCode).toBe(429);
    const mails = await getDb().db.selectFrom('jobs').select('payload').where('name', '=', 'send-email').execute();
    const notices = mails.map((m) => JSON.parse(m.payload) as { to: string; subject: string }).filter((m) => m.to === admin.email);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toContain('locked');
  });

  it('signs out everywhere: every session of the account ends, other accounts keep theirs', async () => {
    const user = await buildUser(getDb().db, { org_id: org.id, role: 'staff_reporter' });
    const other = await buildUser(getDb().db, { org_id: org.id, role: 'staff_reporter' });
    const a = await passwordStep(user.email, user.password!);
    const b = await passwordStep(user.email, user.password!);
    const c = await passwordStep(other.email, other.password!);
    const ended = await t.app.inject({ method: 'DELETE', url: '/api/sessions', headers: headersFor(a.cookies) });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ sessionsEnded: 2 });
    for (const s of [a, b]) expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: headersFor(s.cookies) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: headersFor(c.cookies) })).statusCode).toBe(200);
  });

  it('refuses to remove a factor the organisation requires', async () => {
    const admin = await buildUser(getDb().db, { org_id: org.id, role: 'admin' });
    const { secret } = await enrol(admin.email, admin.password!);
    const pending = await passwordStep(admin.email, admin.password!);
    const signed = await codeStep(pending.cookies, totpCodeAt(secret, clock.now()));
    clock.advance(31_000);
    const refused = await t.app.inject({ method: 'POST', url: '/api/account/mfa/removal', headers: headersFor(signed.cookies), payload: { code: totpCodeAt(secret, clock.now()) } });
    expect(refused.statusCode).toBe(409);
  });
});
