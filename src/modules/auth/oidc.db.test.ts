import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildTestApp, buildUser, cookiesOf, headersFor, signIn, type TestApp } from '../../../test/factories.ts';
import { followProviderRedirects, startTestOpenIdProvider, type TestIdentity, type TestOpenIdProvider } from '../../../test/oidc-provider.ts';
import { hashSecret } from './secret-hash.ts';
import { totpCodeAt } from './totp.ts';

const publicUrl = 'https://breachdesk.test';
const redirectUrl = `${publicUrl}/auth/oidc/callback`;

describeOnDatabases('single sign-on with OpenID Connect', (getDb) => {
  let idp: TestOpenIdProvider;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startTestOpenIdProvider({ redirectUrl });
    // The real clock: the provider signs its ID tokens with the time of day, and they are checked against it.
    t = await buildTestApp(getDb(), {
      env: { PUBLIC_URL: publicUrl, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_PROVIDER_NAME: 'Acme ID' },
    });
  });
  afterAll(async () => {
    await t?.app.close();
    await idp?.close();
  });

  /** The browser's trip: Breachdesk's start address, the provider, and back with a code and the state. */
  async function toProvider(identity: TestIdentity, options: { next?: string; cookies?: Record<string, string> } = {}) {
    const start = await t.app.inject({ method: 'GET', url: `/auth/oidc/start${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`, headers: headersFor(options.cookies ?? {}) });
    expect(start.statusCode).toBe(302);
    const authorization = new URL(start.headers.location as string);
    idp.signInAs(identity);
    const callback = await followProviderRedirects(authorization.href, redirectUrl);
    return { authorization, callback, cookies: { ...options.cookies, ...cookiesOf(start) } };
  }

  async function back(callback: URL, cookies: Record<string, string>) {
    const response = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: headersFor(cookies) });
    expect(response.statusCode).toBe(302);
    return { response, location: response.headers.location as string, cookies: { ...cookies, ...cookiesOf(response) } };
  }

  const auditOf = async (userId: string | null, action: string) =>
    (await getDb().db.selectFrom('audit_events').select(['subject_id', 'details']).where('action', '=', action).execute())
      .filter((e) => e.subject_id === userId)
      .map((e) => JSON.parse(e.details) as Record<string, unknown>);

  it('tells the login page the provider name', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/session/sso' });
    expect(response.json()).toEqual({ provider: { name: 'Acme ID', startUrl: '/auth/oidc/start' } });
  });

  it('sends the browser to the provider with code flow, PKCE S256, state and nonce, kept in an HttpOnly cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/auth/oidc/start' });
    const target = new URL(start.headers.location as string);
    expect(target.origin).toBe(idp.issuer);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ response_type: 'code', client_id: idp.clientId, redirect_uri: redirectUrl, code_challenge_method: 'S256' });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(target.searchParams.get(name)?.length).toBeGreaterThanOrEqual(22);
    const cookie = start.cookies.find((c) => c.name === 'bd_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/oidc', secure: true });
    // The verifier never leaves the server side: only its hash (the challenge) goes to the provider.
    expect(start.headers.location).not.toContain(JSON.parse(Buffer.from(cookie!.value, 'base64url').toString()).verifier);
  });

  it('signs in the existing account with the verified e-mail, rotating the session and auditing it', async () => {
    const user = await buildUser(getDb().db, { email: 'ann@acme.test', role: 'case_handler' });
    const before = await signIn(t.app, user.email);
    const trip = await toProvider({ sub: 'idp-ann', email: 'Ann@Acme.test' }, { next: '/cases', cookies: before.cookies });
    const { location, cookies } = await back(trip.callback, trip.cookies);
    expect(location).toBe('/cases');
    expect(cookies.bd_session).toBeTruthy();
    expect(cookies.bd_session).not.toBe(before.cookies.bd_session);
    expect(cookies.bd_oidc).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: headersFor(cookies) });
    expect(me.json().user).toMatchObject({ id: user.id, email: 'ann@acme.test' });
    // The session planted before is gone, exactly as after a password sign-in.
    const sessions = await getDb().db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([hashSecret(cookies.bd_session!)]);
    expect(await auditOf(user.id, 'session.signed_in')).toContainEqual({ method: 'oidc' });
  });

  it('refuses an e-mail address without an account, with a reason for the login page and no session', async () => {
    const trip = await toProvider({ sub: 'idp-stranger', email: 'stranger@elsewhere.test' });
    const { location, cookies } = await back(trip.callback, trip.cookies);
    expect(location).toBe('/login?sso=no_account');
    expect(cookies.bd_session).toBeUndefined();
    const failures = await auditOf(null, 'session.sign_in_failed');
    expect(failures).toContainEqual({ method: 'oidc', reason: 'no_account' });
    expect(JSON.stringify(failures)).not.toContain('stranger');
  });

  it('refuses an address the provider has not verified', async () => {
    await buildUser(getDb().db, { email: 'unverified@acme.test' });
    const trip = await toProvider({ sub: 'idp-unverified', email: 'unverified@acme.test', emailVerified: false });
    const { location, cookies } = await back(trip.callback, trip.cookies);
    expect(location).toBe('/login?sso=unverified_email');
    expect(cookies.bd_session).toBeUndefined();
  });

  it('refuses a disabled account like a missing one', async () => {
    const user = await buildUser(getDb().db, { email: 'gone@acme.test', disabled_at: new Date().toISOString() });
    const trip = await toProvider({ sub: 'idp-gone', email: user.email });
    const { location, cookies } = await back(trip.callback, trip.cookies);
    expect(location).toBe('/login?sso=no_account');
    expect(cookies.bd_session).toBeUndefined();
    expect(await auditOf(user.id, 'session.sign_in_failed')).toContainEqual({ method: 'oidc', reason: 'account_disabled' });
  });

  it('refuses a callback whose state does not match this browser, and one without the flow cookie', async () => {
    const user = await buildUser(getDb().db, { email: 'bob@acme.test' });
    const trip = await toProvider({ sub: 'idp-bob', email: user.email });
    const forged = new URL(trip.callback);
    forged.searchParams.set('state', 'a-state-this-browser-never-had');
    const wrongState = await back(forged, trip.cookies);
    expect(wrongState.location).toBe('/login?sso=failed');
    expect(wrongState.cookies.bd_session).toBeUndefined();

    // Another browser (no flow cookie) bringing a genuine code is refused too: login CSRF.
    const other = await toProvider({ sub: 'idp-bob', email: user.email });
    const noCookie = await back(other.callback, {});
    expect(noCookie.location).toBe('/login?sso=failed');
    expect(noCookie.cookies.bd_session).toBeUndefined();
    expect(await getDb().db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('refuses a replayed code even with the original flow cookie', async () => {
    const user = await buildUser(getDb().db, { email: 'carol@acme.test' });
    const trip = await toProvider({ sub: 'idp-carol', email: user.email });
    const first = await back(trip.callback, trip.cookies);
    expect(first.location).toBe('/');
    expect(first.cookies.bd_session).toBeTruthy();
    const replay = await back(trip.callback, trip.cookies);
    expect(replay.location).toBe('/login?sso=failed');
    expect(replay.cookies.bd_session).toBeUndefined();
    expect(await auditOf(null, 'session.sign_in_failed')).toContainEqual({ method: 'oidc', reason: 'invalid_grant' });
  });

  it('still asks the authenticator code of an account that has one, unless the provider asserts MFA in amr', async () => {
    const user = await buildUser(getDb().db, { email: 'dave@acme.test' });
    const signed = await signIn(t.app, user.email);
    const started = await t.app.inject({ method: 'POST', url: '/api/account/mfa/enrolment', headers: signed.headers });
    const { secret } = started.json() as { secret: string };
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/account/mfa/confirmation', headers: signed.headers, payload: { code: totpCodeAt(secret, new Date()) } });
    const [backupCode] = (confirmed.json() as { backupCodes: string[] }).backupCodes;

    const trip = await toProvider({ sub: 'idp-dave', email: user.email, amr: ['pwd'] }, { next: '/cases' });
    const afterProvider = await back(trip.callback, trip.cookies);
    expect(afterProvider.location).toBe('/login?sso=code&next=%2Fcases');
    expect(afterProvider.cookies.bd_session).toBeUndefined();
    expect(afterProvider.cookies.bd_mfa).toBeTruthy();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session/mfa', headers: headersFor(afterProvider.cookies), payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    const code = await t.app.inject({ method: 'POST', url: '/api/session/mfa', headers: headersFor(afterProvider.cookies), payload: { code: backupCode } });
    expect(code.statusCode).toBe(200);
    expect(code.json().user.id).toBe(user.id);

    const withMfa = await toProvider({ sub: 'idp-dave', email: user.email, amr: ['pwd', 'mfa'] });
    const direct = await back(withMfa.callback, withMfa.cookies);
    expect(direct.location).toBe('/');
    expect(direct.cookies.bd_session).toBeTruthy();
    expect(await auditOf(user.id, 'session.signed_in')).toContainEqual({ method: 'oidc', secondFactor: 'provider' });
  });

  it('answers no provider when single sign-on is not configured, and sends the browser back when the provider is unreachable', async () => {
    const plain = await buildTestApp(getDb());
    const down = await buildTestApp(getDb(), { env: { OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'breachdesk' } });
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/api/session/sso' })).json()).toEqual({ provider: null });
      // Without configuration there is no sign-on route: the address falls through to the web app's own pages.
      expect((await plain.app.inject({ method: 'GET', url: '/auth/oidc/start' })).headers.location).toBeUndefined();
      const start = await down.app.inject({ method: 'GET', url: '/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/login?sso=unavailable');
      expect(cookiesOf(start).bd_oidc).toBeUndefined();
    } finally {
      await plain.app.close();
      await down.app.close();
    }
  });
});
