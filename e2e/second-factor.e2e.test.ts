import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { totpCodeAt } from '../src/modules/auth/totp.ts';
import { useE2E } from './harness.ts';

const admin = { org: 'Streng BV', email: 'beheer@streng.example', name: 'Bea Beheer', password: 'een lange zin als wachtwoord 11' };

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i });

async function enterPassword(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(admin.email);
  await page.getByLabel(/^(password|wachtwoord)$/i).fill(admin.password);
  await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
}

describe('second sign-in factor in the browser', () => {
  const e2e = useE2E();

  test('an admin is sent to set up an authenticator app, then signs in with a code, then signs out everywhere', async () => {
    const { app, page } = e2e;
    // The organisation keeps the default: admins must use a second factor.
    await app.cliOk(['org', 'create', '--name', admin.org, '--sector', 'other', '--locale', 'en']);
    await app.cliOk(['user', 'create', '--org', admin.org, '--email', admin.email, '--name', admin.name, '--role', 'admin', '--password-stdin'], { input: `${admin.password}\n` });

    await enterPassword(page);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/account');
    await page.getByRole('button', { name: /^(set up an authenticator app|authenticator-app instellen)$/i }).click();
    const secretText = page.getByTestId('totp-secret');
    await expect.poll(() => secretText.isVisible(), { timeout: 10_000 }).toBe(true);
    const secret = (await secretText.innerText()).trim();
    expect(await page.getByRole('img', { name: /qr/i }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const now = Date.now();
    await page.getByLabel(/^(code from the app|code uit de app)$/i).fill(totpCodeAt(secret, new Date(now)));
    await page.getByRole('button', { name: /^(confirm|bevestigen)$/i }).click();
    await expect.poll(() => page.locator('.backup-codes li').count(), { timeout: 10_000 }).toBe(10);

    // The rest of the application opens now.
    await page.goto('/users');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain(admin.email);

    await page.getByRole('button', { name: /^(sign out|afmelden)$/i }).click();
    await enterPassword(page);
    const code = page.getByLabel(/^code$/i);
    await expect.poll(() => code.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await mainNavigation(page).count()).toBe(0);
    await code.fill('000000');
    await page.getByRole('button', { name: /^(continue|verder)$/i }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toMatch(/not correct|klopt niet/i);
    // The next 30-second step: the code used to confirm cannot be used again.
    await code.fill(totpCodeAt(secret, new Date(now + 30_000)));
    await page.getByRole('button', { name: /^(continue|verder)$/i }).click();
    await expect.poll(() => mainNavigation(page).isVisible(), { timeout: 15_000 }).toBe(true);

    await page.goto('/account');
    await page.getByRole('button', { name: /^(sign out everywhere|overal afmelden)$/i }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe('/login');
    expect((await page.request.get('/api/session')).status()).toBe(401);
  });
});
