import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { totpCodeAt } from '../src/modules/auth/totp.ts';
import { startTestOpenIdProvider, type TestOpenIdProvider } from '../test/oidc-provider.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';

const analyst = { org: 'Wadden Water', email: 'analist@wadden-water.example', name: 'Wim Analist' };
const officer = { email: 'fg@wadden-water.example', name: 'Fenna Functionaris', password: 'een lange zin als wachtwoord 7' };

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i });
const ssoLink = (page: Page) => page.getByRole('link', { name: /^(sign in with|aanmelden met) Wadden ID$/i });

describe('single sign-on in the browser', () => {
  let idp: TestOpenIdProvider;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The provider first, so the app can be started with its issuer; the app's own address comes after.
    idp = await startTestOpenIdProvider();
    app = await startApp({ env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_PROVIDER_NAME: 'Wadden ID' } });
    idp.registerRedirectUrl(`${app.baseUrl}/auth/oidc/callback`);
    browser = await launchBrowser();
    await app.cliOk(['org', 'create', '--name', analyst.org, '--sector', 'other', '--locale', 'en']);
    // No password: this person only ever signs in through the provider.
    await app.cliOk(['user', 'create', '--org', analyst.org, '--email', analyst.email, '--name', analyst.name, '--role', 'security_analyst']);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await idp?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  test('signs in through the provider and lands where the person was going', async () => {
    await page.goto('/login?next=%2Fcases');
    await expect.poll(() => ssoLink(page).isVisible(), { timeout: 15_000 }).toBe(true);
    idp.signInAs({ sub: 'wadden-1', email: analyst.email });
    await ssoLink(page).click();
    await expect.poll(() => mainNavigation(page).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/cases');
    const session = await page.request.get('/api/session');
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(analyst.email);
  });

  test('explains a refusal for an address without an account', async () => {
    await page.goto('/login');
    await expect.poll(() => ssoLink(page).isVisible(), { timeout: 15_000 }).toBe(true);
    idp.signInAs({ sub: 'wadden-2', email: 'onbekend@wadden-water.example' });
    await ssoLink(page).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 15_000 }).toMatch(/no active Breachdesk account/i);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get('/api/session')).status()).toBe(401);
    expect(app.readLog()).not.toContain('onbekend@');
  });

  test('still asks the authenticator code when the provider does not report a multi-factor sign-in', async () => {
    await app.cliOk(['user', 'create', '--org', analyst.org, '--email', officer.email, '--name', officer.name, '--role', 'privacy_officer', '--password-stdin'], {
      input: `${officer.password}\n`,
    });
    // Set up the authenticator app through the API, as the account page does.
    await page.goto('/login');
    const csrf = async () => ({ 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'bd_csrf')?.value ?? '' });
    expect((await page.request.post('/api/session', { data: { email: officer.email, password: officer.password }, headers: await csrf() })).status()).toBe(200);
    const enrolment = (await (await page.request.post('/api/account/mfa/enrolment', { headers: await csrf() })).json()) as { secret: string };
    const confirmed = await page.request.post('/api/account/mfa/confirmation', { data: { code: totpCodeAt(enrolment.secret, new Date()) }, headers: await csrf() });
    const [backupCode] = ((await confirmed.json()) as { backupCodes: string[] }).backupCodes;
    expect((await page.request.delete('/api/session', { headers: await csrf() })).status()).toBe(204);

    await page.goto('/login');
    await expect.poll(() => ssoLink(page).isVisible(), { timeout: 15_000 }).toBe(true);
    idp.signInAs({ sub: 'wadden-3', email: officer.email, amr: ['pwd'] });
    await ssoLink(page).click();
    const code = page.getByLabel(/^code$/i);
    await expect.poll(() => code.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await mainNavigation(page).count()).toBe(0);
    await code.fill(backupCode!);
    await page.getByRole('button', { name: /^(continue|verder)$/i }).click();
    await expect.poll(() => mainNavigation(page).isVisible(), { timeout: 15_000 }).toBe(true);
  });
});
