import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2E } from './harness.ts';

const admin = {
  org: 'Noordzee Telecom',
  email: 'beheer@noordzee-telecom.example',
  name: 'Ada Beheerder',
  password: 'lange zin als wachtwoord 42',
};

// Every visible text is asserted in both languages: the first language depends on the organisation default.
const texts = {
  en: { cases: 'Cases', users: 'Users', signOut: 'Sign out' },
  nl: { cases: 'Zaken', users: 'Gebruikers', signOut: 'Afmelden' },
} as const;
type Language = keyof typeof texts;

const emailField = (page: Page) => page.getByLabel(/^e-?mail(adres| address)?$/i);
const passwordField = (page: Page) => page.getByLabel(/^(password|wachtwoord)$/i);
const signInButton = (page: Page) => page.getByRole('button', { name: /^(sign in|aanmelden)$/i });
const mainNavigation = (page: Page) => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i });

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await emailField(page).fill(email);
  await passwordField(page).fill(password);
  await signInButton(page).click();
}

async function shownLanguage(page: Page): Promise<Language> {
  const navigation = mainNavigation(page);
  await expect.poll(async () => (await navigation.innerText()).trim().length, { timeout: 10_000 }).toBeGreaterThan(0);
  const text = await navigation.innerText();
  if (text.includes(texts.nl.cases)) return 'nl';
  if (text.includes(texts.en.cases)) return 'en';
  throw new Error(`the navigation shows neither language: ${text}`);
}

async function switchLanguage(page: Page, to: Language): Promise<void> {
  const choices = page.getByRole('group', { name: /^(language|taal)$/i });
  await choices.getByRole('button', { name: to.toUpperCase(), exact: true }).click();
}

describe('sign-in and the application shell', () => {
  const e2e = useE2E();

  test('an administrator created on the command line signs in, switches language and signs out', async () => {
    const { app, page } = e2e;
    await app.cliOk(['org', 'create', '--name', admin.org, '--sector', 'telecom', '--mfa-roles', 'none']);
    // The password goes through standard input: an argument would be visible in the process list.
    await app.cliOk(['user', 'create', '--org', admin.org, '--email', admin.email, '--name', admin.name, '--role', 'admin', '--password-stdin'], {
      input: `${admin.password}\n`,
    });

    await page.goto('/');
    await expect.poll(() => emailField(page).isVisible(), { timeout: 15_000 }).toBe(true);

    await signIn(page, admin.email, 'not the password at all');
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toMatch(/not correct|klopt niet/i);
    expect(await mainNavigation(page).count()).toBe(0);

    await signIn(page, admin.email, admin.password);
    await expect.poll(() => mainNavigation(page).isVisible(), { timeout: 15_000 }).toBe(true);
    const first = await shownLanguage(page);
    const navigation = await mainNavigation(page).innerText();
    expect(navigation).toContain(texts[first].cases);
    expect(navigation).toContain(texts[first].users);
    await expect.poll(() => page.getByText(admin.name).first().isVisible()).toBe(true);

    const other: Language = first === 'nl' ? 'en' : 'nl';
    await switchLanguage(page, other);
    await expect.poll(() => mainNavigation(page).innerText(), { timeout: 10_000 }).toContain(texts[other].cases);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(other);

    // The choice is stored on the account, so it survives a reload.
    await page.reload();
    await expect.poll(() => mainNavigation(page).innerText(), { timeout: 15_000 }).toContain(texts[other].cases);

    await page.getByRole('button', { name: texts[other].signOut }).click();
    await expect.poll(() => emailField(page).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await mainNavigation(page).count()).toBe(0);
    const session = await page.request.get('/api/session');
    expect(session.status()).toBe(401);

    expect(e2e.pageErrors).toEqual([]);
    expect(app.readLog()).not.toContain(admin.password);
  });
});
