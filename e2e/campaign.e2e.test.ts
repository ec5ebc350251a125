import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/config.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../src/modules/affected-people/index.ts';
import { startSmtpSink, type TestSmtpSink } from '../src/modules/notifications/notifications.fixtures.ts';
import { starterTemplates } from '../web/src/campaign-view.ts';
import { useE2E } from './harness.ts';

const author = { email: 'schrijver@telco-campagne.example', name: 'Sanne Schrijver', password: 'een lange zin als wachtwoord 8' };
const approver = { email: 'tweede@telco-campagne.example', name: 'Tom Tweede', password: 'nog een lange zin als wachtwoord 9' };

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core injected into the page; the context bypasses the page's CSP only so that the checker itself can run. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run()));
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

function person(key: string, language: 'nl' | 'en', email: string, name: string, categories: string[]): AffectedPersonInput {
  return {
    personKey: key,
    set: 'confirmed',
    language,
    brands: [],
    categories,
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email, mobile: null, address: null, name },
  };
}

const people = [
  person('KL-001', 'nl', 'anna@klant.example', 'Anna de Vries', ['name', 'email', 'iban']),
  person('KL-002', 'en', 'ben@customer.example', 'Ben Smith', ['name', 'email']),
  person('KL-003', 'nl', 'cor@klant.example', 'Cor Jansen', ['name', 'email', 'phone']),
];

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(who.email);
  await page.getByLabel(/^(password|wachtwoord)$/i).fill(who.password);
  await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
  await expect.poll(() => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i }).isVisible(), { timeout: 15_000 }).toBe(true);
}

describe('informing the people affected from the web UI', () => {
  let sink: TestSmtpSink | undefined;
  // The server reads MAIL_URL when it starts, after the sink below is listening.
  const env: Record<string, string> = {};
  beforeAll(async () => {
    // A slow receiving server keeps messages in flight long enough to pause the campaign in the middle.
    sink = await startSmtpSink({ delayMs: 6000 });
    env.MAIL_URL = sink.url;
    env.MAIL_FROM = 'Telco <datalek@telco-campagne.example>';
  });
  afterAll(async () => {
    await sink?.close();
  });
  const e2e = useE2E({ env, contextOptions: { bypassCSP: true } });

  async function seedPeople(caseId: string): Promise<void> {
    const ctx = createContext(loadConfig({ DATA_DIR: e2e.app.dataDir, LOG_LEVEL: 'silent' }));
    try {
      const row = await ctx.db.selectFrom('cases').select('org_id').where('id', '=', caseId).executeTakeFirstOrThrow();
      await ctx.db.transaction().execute((tx) => storeAffectedPeople(tx, ctx, { orgId: row.org_id, caseId, sourceId: 'e2e' }, people));
    } finally {
      await ctx.close();
    }
  }

  test('an officer writes a campaign that passes the art. 34(2) check, a second officer approves and starts it, the page follows it to done and every person receives their own message', async () => {
    const { app, page, browser } = e2e;
    await app.cliOk(['org', 'create', '--name', 'Telco Campagne', '--sector', 'telecom', '--nis2', 'essential', '--locale', 'en', '--mfa-roles', 'none']);
    for (const who of [author, approver]) {
      await app.cliOk(['user', 'create', '--org', 'Telco Campagne', '--email', who.email, '--name', who.name, '--role', 'privacy_officer', '--password-stdin'], { input: `${who.password}\n` });
    }

    await signIn(page, author);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'bd_csrf')?.value ?? '';
    const created = await page.request.post('/api/cases', { headers: { 'x-csrf-token': csrf }, data: { title: 'Customer portal breach' } });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;
    await seedPeople(caseId);

    // The author writes the campaign on the case page.
    await page.goto(`/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'Informing the people affected' });
    await expect.poll(() => section.innerText(), { timeout: 15_000 }).toContain('No campaigns yet.');
    await section.getByRole('button', { name: 'New campaign' }).click();
    await section.getByLabel('Campaign name').fill('All customers of the portal');
    await section.getByLabel('Brand', { exact: true }).fill('Telco');
    await section.getByLabel('Contact point').fill('datalek@telco-campagne.example or 0800-1234');
    expect(await section.getByText('{{exposed_data}}', { exact: true }).count()).toBe(1);

    // A message without the required elements is refused, each missing element named.
    await section.getByLabel('Text (English)').fill('Hello {{name}}, something happened.');
    await section.getByRole('button', { name: 'Create campaign' }).click();
    const failures = section.getByRole('list', { name: 'What the English message still lacks' });
    await expect.poll(() => failures.innerText(), { timeout: 10_000 }).toContain('Contact point');
    const failing = await failures.innerText();
    for (const element of ['Likely consequences', 'Measures taken', 'Concrete advice', "The person's own leaked data"]) expect(failing).toContain(element);
    expect(await section.getByRole('alert').innerText()).toContain('does not meet art. 34(2)');
    expect((await (await page.request.get(`/api/cases/${caseId}/campaigns`)).json()).campaigns).toHaveLength(0);

    await section.getByLabel('Text (English)').fill(starterTemplates.en.body);
    await section.getByRole('button', { name: 'Check the message' }).click();
    await expect.poll(() => section.getByText('The message names everything art. 34(2) requires.').count()).toBe(2);
    await section.getByRole('button', { name: 'Create campaign' }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toMatch(new RegExp(`^/cases/${caseId}/campaigns/[0-9a-f-]{36}$`));
    const campaignPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('All customers of the portal');
    expect(await page.locator('main').innerText()).toContain('Draft, awaiting approval');

    // The author cannot approve, and the page says why.
    const approve = page.getByRole('button', { name: 'Approve' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await page.getByText('You wrote this campaign, so you cannot approve it').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // A preview for one person shows their own name and their own leaked data, in their language.
    const chooser = page.getByLabel('Preview the message for');
    await expect.poll(() => chooser.locator('option').count(), { timeout: 10_000 }).toBe(4);
    await chooser.selectOption({ label: 'KL-001 (E-mail)' });
    const preview = page.getByRole('region', { name: 'The message as this person receives it' });
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('Beste Anna de Vries');
    expect(await preview.innerText()).toContain('bankrekeningnummer');
    expect(await preview.innerText()).not.toContain('Ben Smith');

    // A test to the author's own address, in English, marked as a test and outside the campaign's counts.
    await page.getByLabel('Language of the test message').selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Send a test to myself' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts(), { timeout: 10_000 }).toContain(`A test message is on its way to ${author.email}.`);
    await expect.poll(() => sink!.received.filter((m) => m.to === author.email).length, { timeout: 20_000 }).toBe(1);

    // The second officer approves and starts, in a session of their own.
    const second = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
    try {
      const other = await second.newPage();
      await signIn(other, approver);
      await other.goto(campaignPath);
      await other.getByRole('button', { name: 'Approve' }).click();
      await expect.poll(() => other.locator('main').innerText(), { timeout: 10_000 }).toContain('Approved, not started');
      expect(await other.locator('main').innerText()).toContain(`Approved by\n${approver.name}`);
      await other.getByRole('button', { name: 'Start sending' }).click();
      await other.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => other.locator('main').innerText(), { timeout: 10_000 }).toContain('Paused');
      await other.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => other.locator('main').innerText(), { timeout: 10_000 }).toMatch(/Sending|Done/);
      // The page keeps fetching the counts while sending and follows the campaign to its end without a reload.
      await expect.poll(() => other.getByRole('progressbar').first().getAttribute('value'), { timeout: 30_000 }).toBe('1');
      await expect.poll(() => other.locator('main').innerText(), { timeout: 30_000 }).toContain('Done');
      const figures = await other.getByLabel('Counts', { exact: true }).innerText();
      expect(figures).toMatch(/People\s+3/);
      expect(figures).toMatch(/Sent\s+3/);
      expect(figures).toMatch(/Still to send\s+0/);
      expect(await other.getByRole('button', { name: 'Pause' }).count()).toBe(0);

      // The delivery report for the regulator file downloads from the page's links.
      const pdfHref = await other.getByRole('link', { name: 'Delivery report (PDF)' }).getAttribute('href');
      const pdf = await other.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const csv = await other.request.get((await other.getByRole('link', { name: 'Delivery report (CSV)' }).getAttribute('href'))!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
    } finally {
      await second.close();
    }

    // Each person received exactly one message, with their own name and nobody else's.
    const campaignMail = sink!.received.filter((m) => m.to !== author.email);
    expect(campaignMail.map((m) => m.to).sort()).toEqual(people.map((p) => p.contact.email).sort());
    for (const p of people) {
      const mail = sink!.received.find((m) => m.to === p.contact.email)!;
      expect(mail.raw).toContain(p.contact.name!);
      for (const otherPerson of people.filter((o) => o !== p)) expect(mail.raw).not.toContain(otherPerson.contact.name!);
    }
    expect(sink!.received.find((m) => m.to === 'ben@customer.example')!.raw).toContain('Dear Ben Smith');
    expect(e2e.pageErrors).toEqual([]);
  }, 180_000);
});
