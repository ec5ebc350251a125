import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2E } from './harness.ts';

const officer = {
  email: 'privacy@webshop-test.example',
  name: 'Pia Privacy',
  password: 'een lange zin als wachtwoord 7',
};

const facts = {
  breach: { confidentiality: 'unknown_recipients', integrity: 'none', availability: 'none', malicious: true, cause: 'hack', ongoing: false },
  data: { categories: ['name', 'email', 'address', 'iban'], subjects: { min: 1200, max: 1500 }, records: 1800, vulnerable: [], protection: 'none' },
};

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(officer.email);
  await page.getByLabel(/^(password|wachtwoord)$/i).fill(officer.password);
  await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
  await expect.poll(() => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** The case and its facts come in through the API, signed in as the officer, exactly as the web UI would send them. */
async function createCaseWithFacts(page: Page): Promise<string> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'bd_csrf')?.value ?? '';
  const headers = { 'x-csrf-token': csrf };
  const awareAt = new Date(Date.now() - 2 * 3600_000).toISOString();
  const created = await page.request.post('/api/cases', { headers, data: { title: 'Web shop customer database copied', awareAt, detectedAt: awareAt } });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = ((await created.json()) as { id: string }).id;
  const saved = await page.request.put(`/api/cases/${caseId}/facts`, { headers, data: { facts } });
  expect(saved.status(), await saved.text()).toBe(200);
  return caseId;
}

describe('the risk assessment and the notification to the AP on the case page', () => {
  const e2e = useE2E();

  // A case, a decision, an override, a draft, its PDF and its submission: more steps than the default time allows on a busy machine.
  test('a privacy officer runs the assessment, overrides it only with a justification, drafts the AP notification, records its submission and downloads the PDF', async () => {
    const { app, page } = e2e;
    await app.cliOk(['org', 'create', '--name', 'Webshop Test', '--sector', 'retail', '--nis2', 'none', '--locale', 'en', '--mfa-roles', 'none']);
    await app.cliOk(['user', 'create', '--org', 'Webshop Test', '--email', officer.email, '--name', officer.name, '--role', 'privacy_officer', '--password-stdin'], {
      input: `${officer.password}\n`,
    });
    await signIn(page);
    const caseId = await createCaseWithFacts(page);

    await page.goto(`/cases/${caseId}`);
    const section = page.locator('#case-assessment');
    await expect.poll(() => section.innerText(), { timeout: 15_000 }).toContain('No assessment has been recorded yet.');

    // Run: the decision with its outcome, its score and the reasons in the UI language.
    await section.getByRole('button', { name: 'Run the assessment' }).click();
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('The assessment has been recorded.');
    const view = (await (await page.request.get(`/api/cases/${caseId}/assessment`)).json()) as {
      current: { computedOutcome: string; decision: { reasons: Array<{ en: string; nl: string }>; severity: { score: number } } };
    };
    const computed = view.current.computedOutcome;
    const outcomeText = { none: 'Register only', risk: 'Notify the AP', high: 'Notify the AP and inform the people' } as const;
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('ENISA severity');
    const shown = await section.innerText();
    expect(shown).toContain(outcomeText[computed as keyof typeof outcomeText]);
    expect(shown).toContain('ENISA severity');
    expect(shown).toContain('Score (DPC × EI + CB)');
    expect(shown).toContain(String(view.current.decision.severity.score));
    for (const reason of view.current.decision.reasons) expect(shown).toContain(reason.en);
    expect(shown).toContain('EDPB risk factors');
    expect(shown).toContain('Authority (72 h)');
    // The organisation's sector and the moment of awareness were not typed in: their source is named.
    expect(shown).toMatch(/Sector: from the organisation profile/);

    // An override without a justification is refused on the spot.
    const other = computed === 'risk' ? 'high' : 'risk';
    await section.getByLabel('Outcome', { exact: true }).selectOption(other);
    await section.getByRole('button', { name: 'Record this outcome' }).click();
    await expect.poll(() => section.locator('.field-error').innerText()).toBe('Write why you choose another outcome than the computed one.');
    expect((await (await page.request.get(`/api/cases/${caseId}/assessment`)).json()).history).toHaveLength(1);

    // With one, both outcomes are shown with who chose.
    await section.getByLabel('Justification').fill('The IBANs belong to business accounts of companies, not to private persons.');
    await section.getByRole('button', { name: 'Record this outcome' }).click();
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('The chosen outcome has been recorded with its justification.');
    const decided = section.getByRole('definition');
    await expect.poll(async () => (await decided.allInnerTexts()).join('|')).toContain(outcomeText[other]);
    const recorded = await section.innerText();
    expect(recorded).toMatch(new RegExp(`Chosen outcome\\s+${outcomeText[other]}`));
    expect(recorded).toMatch(new RegExp(`Computed outcome\\s+${outcomeText[computed as keyof typeof outcomeText]}`));
    expect(recorded).toContain(officer.name);
    expect(recorded).toContain('The IBANs belong to business accounts');
    await expect.poll(() => page.locator('.case-header').innerText()).toContain(other === 'high' ? 'High risk' : 'Risk');

    // The contact point the AP is given, set once for the organisation.
    const drafts = page.locator('#case-drafts');
    await drafts.getByText('Contact point for the AP').click();
    await drafts.getByLabel('Name', { exact: true }).fill('Dana de Functionaris');
    await drafts.getByLabel('E-mail address', { exact: true }).fill('fg@webshop-test.example');
    await drafts.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => drafts.innerText(), { timeout: 10_000 }).toContain('Changes saved.');
    expect(await (await page.request.get('/api/regulator/contact')).json()).toEqual({ dpoName: 'Dana de Functionaris', dpoEmail: 'fg@webshop-test.example', dpoPhone: null });

    // The AP notification: drafted from the case, its missing answers marked.
    await drafts.getByLabel('Your phone number').fill('+31 20 123 4567');
    await drafts.getByRole('button', { name: 'Draft', exact: true }).click();
    await expect.poll(() => drafts.innerText(), { timeout: 10_000 }).toContain('The draft is ready.');
    const list = (await (await page.request.get(`/api/cases/${caseId}/regulator/drafts`)).json()) as { drafts: Array<{ id: string; kind: string; missingCount: number; sections: unknown[] }> };
    expect(list.drafts).toHaveLength(1);
    const draft = list.drafts[0]!;
    expect(draft.kind).toBe('initial');
    expect(draft.sections.length).toBeGreaterThan(3);
    if (draft.missingCount > 0) await expect.poll(() => drafts.locator('mark').count()).toBe(draft.missingCount);
    expect(await drafts.innerText()).toContain('Dana de Functionaris');

    // The PDF link serves a PDF.
    const pdfHref = await drafts.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const jsonHref = await drafts.getByRole('link', { name: 'Download JSON' }).getAttribute('href');
    expect(((await (await page.request.get(jsonHref!)).json()) as { id: string }).id).toBe(draft.id);

    // The submission with the AP's reference; it also stops the 72-hour clock.
    await drafts.getByLabel(/^AP reference/).fill('AP-2026-000123');
    await drafts.getByRole('button', { name: 'Record submission' }).click();
    await expect.poll(() => drafts.innerText(), { timeout: 10_000 }).toContain('AP reference AP-2026-000123');
    const after = (await (await page.request.get(`/api/cases/${caseId}/regulator/drafts`)).json()) as { drafts: Array<{ submittedAt: string | null; apReference: string | null }> };
    expect(after.drafts[0]).toMatchObject({ apReference: 'AP-2026-000123', submittedAt: expect.any(String) });
    const notifications = (await (await page.request.get(`/api/cases/${caseId}/notifications`)).json()) as { notifications: Array<{ externalReference: string | null }> };
    expect(notifications.notifications.map((n) => n.externalReference)).toContain('AP-2026-000123');

    // More people turn out to be affected: the follow-up shows what changed since the submitted notification (Art. 33(4)).
    const csrf = (await page.context().cookies()).find((c) => c.name === 'bd_csrf')?.value ?? '';
    const grown = { ...facts, data: { ...facts.data, subjects: { min: 1200, max: 2400 }, records: 2600 } };
    expect((await page.request.put(`/api/cases/${caseId}/facts`, { headers: { 'x-csrf-token': csrf }, data: { facts: grown } })).status()).toBe(200);
    await drafts.getByLabel('Kind', { exact: true }).selectOption('follow_up');
    await drafts.getByRole('button', { name: 'Draft', exact: true }).click();
    await expect.poll(() => drafts.innerText(), { timeout: 10_000 }).toContain('What changed since the last notification');
    const followUp = ((await (await page.request.get(`/api/cases/${caseId}/regulator/drafts`)).json()) as { drafts: Array<{ kind: string; changes: Array<{ question: { en: string }; after: { en: string } | null }> }> }).drafts[0]!;
    expect(followUp.kind).toBe('follow_up');
    expect(followUp.changes.length).toBeGreaterThan(0);
    const changes = await drafts.getByRole('region', { name: 'What changed since the last notification' }).innerText();
    for (const change of followUp.changes) expect(changes).toContain(change.question.en);
    expect(changes).toContain('2,400');

    // The reasons follow the language of the interface.
    await page.getByRole('group', { name: 'Language' }).locator('button[lang="nl"]').click();
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain('Gekozen uitkomst');
    const dutch = await section.innerText();
    for (const reason of view.current.decision.reasons) expect(dutch).toContain(reason.nl);
    expect(dutch).toContain('Berekende uitkomst');
  }, 180_000);
});
