import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2E } from './harness.ts';

const officer = {
  email: 'privacy@telco-test.example',
  name: 'Pia Privacy',
  password: 'een lange zin als wachtwoord 7',
};

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(officer.email);
  await page.getByLabel(/^(password|wachtwoord)$/i).fill(officer.password);
  await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
  await expect.poll(() => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i }).isVisible(), { timeout: 15_000 }).toBe(true);
}

describe('a breach from the public report to the register', () => {
  const e2e = useE2E();

  test('a reporter submits the public form; a privacy officer turns it into a case, sees the telecom 24-hour clock, completes a task and finds the case in the register export', async () => {
    const { app, page } = e2e;
    await app.cliOk(['org', 'create', '--name', 'Telco Test', '--sector', 'telecom', '--nis2', 'essential', '--locale', 'en', '--mfa-roles', 'none']);
    await app.cliOk(['user', 'create', '--org', 'Telco Test', '--email', officer.email, '--name', officer.name, '--role', 'privacy_officer', '--password-stdin'], {
      input: `${officer.password}\n`,
    });

    // The reporter: no account, the public page in English.
    await page.goto('/report?lang=en');
    const chooser = page.getByRole('link', { name: 'Telco Test' });
    if (await chooser.count()) await chooser.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Report a data breach');
    await page.getByLabel('Description *').fill('A customer list with names and IBANs was e-mailed to the wrong supplier.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toBe('Report received');
    const reference = (await page.locator('body').innerText()).match(/MLD-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(reference).toBeTruthy();

    // The privacy officer triages it into a case.
    await signIn(page);
    await page.goto('/reports');
    await page.getByRole('link', { name: reference! }).click();
    await page.getByLabel('Decision').selectOption({ label: 'Turn into a new case' });
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;

    // The telecom clock: 24 hours from detection, beside the GDPR 72 hours.
    const clocks = page.getByRole('list', { name: /clocks|deadlines/i });
    await expect.poll(() => clocks.innerText(), { timeout: 15_000 }).toContain('Initial telecom notification');
    const shown = await clocks.innerText();
    expect(shown).toContain('Notification to the supervisory authority');
    // A fresh case: the telecom countdown starts just under a day, the GDPR one just under three.
    expect(shown).toMatch(/\b23 h \d+ min left/);
    expect(shown).toMatch(/\b2 d 23 h left/);
    const detail = await (await page.request.get(`/api/cases/${caseId}`)).json();
    const telecom = detail.deadlines.find((d: { obligation: string }) => d.obligation === 'telecom_initial');
    const gdpr = detail.deadlines.find((d: { obligation: string }) => d.obligation === 'gdpr_authority');
    expect(new Date(gdpr.dueAt).getTime() - new Date(telecom.dueAt).getTime()).toBe(48 * 3600_000);

    // Complete the first task.
    const firstTask = page.getByLabel(/^Mark ".+" as done$/).first();
    await firstTask.check();
    await expect
      .poll(async () => (await (await page.request.get(`/api/cases/${caseId}/tasks`)).json()).tasks.filter((t: { status: string }) => t.status === 'done').length, { timeout: 10_000 })
      .toBe(1);

    // The register shows the case, and its CSV export carries it.
    await page.goto('/register');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain(detail.reference);
    const csvHref = await page.getByRole('link', { name: 'Export as CSV' }).getAttribute('href');
    const csv = await (await page.request.get(csvHref!)).text();
    expect(csv).toContain(detail.reference);
  });
});
