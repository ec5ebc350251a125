import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/config.ts';
import { storeAffectedPeople } from '../src/modules/affected-people/index.ts';
import { newId } from '../src/shared/ids.ts';
import { useE2E } from './harness.ts';

const officer = { email: 'privacy@telco.example', name: 'Petra Privacy', password: 'a long and quite secret passphrase' };
const slug = 'datalek-2026';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; nodes: unknown[] }>;
}

/** axe-core injected into the page; the context bypasses the page's CSP only so that the checker itself can run. */
async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    async (within) => (await (window as unknown as { axe: { run(context?: string): Promise<AxeResult> } }).axe.run(within ?? undefined)) as AxeResult,
    selector ?? null,
  );
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(officer.email);
  await page.getByLabel(/^(password|wachtwoord)$/i).fill(officer.password);
  await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
  await expect.poll(() => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i }).isVisible(), { timeout: 15_000 }).toBe(true);
}

describe('"am I affected?" on the public incident page', () => {
  const e2e = useE2E({ contextOptions: { bypassCSP: true } });

  async function seed(): Promise<void> {
    const { app, page } = e2e;
    await app.cliOk(['org', 'create', '--name', 'Telco Lookup', '--sector', 'telecom', '--nis2', 'essential', '--locale', 'nl', '--mfa-roles', 'none']);
    await app.cliOk(['user', 'create', '--org', 'Telco Lookup', '--email', officer.email, '--name', officer.name, '--role', 'privacy_officer', '--password-stdin'], {
      input: `${officer.password}\n`,
    });
    const ctx = createContext(loadConfig({ DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' }));
    let caseId = '';
    try {
      const org = await ctx.db.selectFrom('organisations').select('id').where('name', '=', 'Telco Lookup').executeTakeFirstOrThrow();
      caseId = newId();
      const now = new Date().toISOString();
      await ctx.db
        .insertInto('cases')
        .values({ id: caseId, org_id: org.id, reference: 'BD-2026-0042', title: 'Klantcontactsysteem', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now })
        .execute();
      await ctx.db.transaction().execute((tx) =>
        storeAffectedPeople(tx, ctx, { orgId: org.id, caseId, sourceId: 'e2e' }, [
          {
            personKey: 'P1',
            set: 'confirmed',
            language: 'nl',
            brands: [],
            categories: ['name', 'email', 'iban'],
            specialCategories: [],
            vulnerable: [],
            records: 2,
            contact: { email: 'getroffen@klant.example', mobile: null, address: null, name: 'Greet Getroffen' },
          },
        ]),
      );
    } finally {
      await ctx.close();
    }

    // The officer writes and publishes the page in the editor on the case page.
    await signIn(page);
    await page.goto(`/cases/${caseId}`);
    const editor = page.locator('#case-incident-page');
    const slugField = editor.getByLabel(/^(Web address|Webadres)$/);
    await expect.poll(() => slugField.isVisible(), { timeout: 15_000 }).toBe(true);
    await slugField.fill(slug);
    const texts: Array<[RegExp, string]> = [
      [/^(What happened|Wat er is gebeurd)$/, 'Aanvallers kwamen binnen in ons klantcontactsysteem.'],
      [/^(Which data are involved|Om welke gegevens het gaat)$/, 'Namen, e-mailadressen en rekeningnummers.'],
      [/^(What we have done|Wat wij hebben gedaan)$/, 'Wij hebben de toegang afgesloten en de Autoriteit Persoonsgegevens ingelicht.'],
      [/^(What people can do now|Wat mensen nu kunnen doen)$/, 'Let op valse facturen en betaalverzoeken.'],
      [/^(How to recognise fake messages|Hoe men nepberichten herkent)$/, 'Wij vragen nooit om uw wachtwoord of een betaling via een link.'],
      [/^Contact$/, 'Bel 088 123 45 67.'],
    ];
    for (const group of [/Dutch|Nederlands/, /English|Engels/]) {
      const fieldset = editor.getByRole('group', { name: group });
      for (const [label, text] of texts) await fieldset.getByLabel(label).fill(text);
    }
    await editor.getByLabel(/^(Send them a message that they are not affected|Stuur hun een bericht dat zij niet getroffen zijn)$/).check();
    await editor.getByRole('button', { name: /^(Save page|Pagina opslaan)$/ }).click();
    await expect.poll(() => editor.getByRole('status').innerText()).toMatch(/saved|opgeslagen/);
    await editor.getByRole('button', { name: /^(Publish|Publiceren)$/ }).click();
    await expect.poll(() => editor.getByRole('status').innerText()).toMatch(/is published|is gepubliceerd/);
    expect(await editor.getByRole('link', { name: /^(Open the public page|Publieke pagina openen)$/ }).getAttribute('href')).toBe(`/incident/${slug}`);
    expect(await axeViolations(page, '#case-incident-page')).toEqual([]);
    await page.context().clearCookies();
  }

  async function lookUp(page: Page, identifier: string): Promise<string> {
    await page.goto(`/incident/${slug}`);
    await page.getByLabel('E-mailadres', { exact: true }).fill(identifier);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/lookup') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Controleren' }).click()]);
    expect(response.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Uw verzoek is ontvangen');
    return response.text();
  }

  async function mailTo(address: string): Promise<Array<{ subject: string; text_body: string }>> {
    const ctx = createContext(loadConfig({ DATA_DIR: e2e.app.dataDir, LOG_LEVEL: 'silent' }));
    try {
      return await ctx.db.selectFrom('mailbox_messages').select(['subject', 'text_body']).where('to_address', '=', address).execute();
    } finally {
      await ctx.close();
    }
  }

  async function lookupJobCount(): Promise<number> {
    const ctx = createContext(loadConfig({ DATA_DIR: e2e.app.dataDir, LOG_LEVEL: 'silent' }));
    try {
      return (await ctx.db.selectFrom('jobs').select('id').where('name', '=', 'lookup-request').execute()).length;
    } finally {
      await ctx.close();
    }
  }

  test('a published page answers an affected and an unaffected address with the same screen; the right message arrives and its code checks out', async () => {
    const { page } = e2e;
    await seed();

    const response = await page.goto(`/incident/${slug}`);
    expect(response?.status()).toBe(200);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Informatie over het datalek');
    expect(await page.locator('script').count()).toBe(0);
    // No SMS gateway is configured here: the page says it cannot answer phone numbers rather than pretend.
    expect(await page.getByText('wij kunnen geen sms versturen').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const affected = await lookUp(page, 'Getroffen@Klant.example');
    expect(await axeViolations(page)).toEqual([]);
    const unaffected = await lookUp(page, 'niemand@elders.example');
    expect(unaffected).toBe(affected);

    await expect.poll(async () => (await mailTo('getroffen@klant.example')).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await mailTo('niemand@elders.example')).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await mailTo('getroffen@klant.example');
    expect(mail!.text_body).toContain('Beste Greet Getroffen');
    expect(mail!.text_body).toContain('uw bankrekeningnummer (IBAN)');
    expect(mail!.text_body).toContain('Kenmerk: BD-2026-0042');
    const [notice] = await mailTo('niemand@elders.example');
    expect(notice!.subject).toContain('niet getroffen');

    const code = /Controlecode: ([0-9A-Z-]{19})/.exec(mail!.text_body)![1]!;
    await page.goto(`/incident/${slug}/verify`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Controlecode').fill(code);
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Deze code is echt');
    await page.getByLabel('Controlecode').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('niet van ons');

    // Past the per-address limit the answer stays the same page with the same status, not an error.
    const answers = new Set<string>();
    for (let i = 0; i < 22; i++) answers.add(await lookUp(page, `burst${i}@elders.example`));
    expect(answers).toEqual(new Set([affected]));
    // 2 + 22 lookups from one address: only the first 20 were queued (written within the queue's flush interval).
    await expect.poll(() => lookupJobCount(), { timeout: 5_000 }).toBe(20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await lookupJobCount()).toBe(20);
    expect(e2e.pageErrors).toEqual([]);
  }, 180_000);
});
