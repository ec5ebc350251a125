import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, useE2E, type StartAppOptions } from './harness.ts';

const officer = { email: 'functionaris@lektest.example', name: 'Fenna Functionaris', password: 'een heel lange zin als wachtwoord 9' };

// Fixture values typed into the public form: its text and its contact fields.
const typed = {
  email: 'geheim.persoon@voorbeeld-lek.nl',
  phone: '0698765432',
  iban: 'NL02ABNA0123456789',
  bsn: '111222333',
  name: 'Gerrit Geheimhouder',
};
// Values that exist only inside the attachment: the database and the files folder must never hold them readable.
const attached = {
  email: 'alleen.in.bijlage@voorbeeld-lek.nl',
  phone: '0687654321',
  iban: 'NL91ABNA0417164300',
  bsn: '123456782',
};
const attachment = `naam;email;telefoon;iban;bsn\nBert Bijlage;${attached.email};${attached.phone};${attached.iban};${attached.bsn}\n`;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Which of the values occur in the bytes, as UTF-8 text. */
function found(haystack: Buffer | string, values: Record<string, string>): string[] {
  const text = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  return Object.entries(values)
    .filter(([, value]) => text.includes(value))
    .map(([kind]) => kind);
}

describe('no personal data in logs or in plain text at rest', () => {
  // Mail goes out over SMTP as in production; the built-in mailbox driver would keep the reporter's address
  // in the database by design.
  const received: Array<{ to: string[]; data: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  const options: StartAppOptions = { env: {} };
  // Registered before useE2E's own hook, so the server starts with the sink's address.
  beforeAll(async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    options.env!.MAIL_URL = `smtp://127.0.0.1:${port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));
  const e2e = useE2E(options);

  test('a report full of personal data goes through the public form to an officer; the log, the database file and the files folder hold none of it in plain text', async () => {
    const { app, page } = e2e;
    await app.cliOk(['org', 'create', '--name', 'Lektest BV', '--sector', 'other', '--locale', 'en', '--mfa-roles', 'none']);
    await app.cliOk(['user', 'create', '--org', 'Lektest BV', '--email', officer.email, '--name', officer.name, '--role', 'privacy_officer', '--password-stdin'], {
      input: `${officer.password}\n`,
    });

    await page.goto('/report?lang=en');
    const chooser = page.getByRole('link', { name: 'Lektest BV' });
    if (await chooser.count()) await chooser.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toBe('Report a data breach');
    await page
      .locator('#description')
      .fill(`A list was sent to the wrong address. It holds ${typed.email}, ${typed.phone}, IBAN ${typed.iban} and BSN ${typed.bsn} of ${typed.name}.`);
    await page.locator('#reporterName').fill(typed.name);
    await page.locator('#reporterEmail').fill(typed.email);
    await page.locator('#reporterPhone').fill(typed.phone);
    await page.locator('#attachments').setInputFiles({ name: 'klantenlijst.csv', mimeType: 'text/csv', buffer: Buffer.from(attachment) });
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toBe('Report received');
    const reference = (await page.locator('body').innerText()).match(/MLD-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(reference).toBeTruthy();

    // The officer opens it and sees the contact details and the attachment.
    await page.goto('/login');
    await page.getByLabel(/^e-?mail(adres| address)?$/i).fill(officer.email);
    await page.getByLabel(/^(password|wachtwoord)$/i).fill(officer.password);
    await page.getByRole('button', { name: /^(sign in|aanmelden)$/i }).click();
    await expect.poll(() => page.getByRole('navigation', { name: /^(main|hoofdmenu)$/i }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.goto('/reports');
    await page.getByRole('link', { name: reference! }).click();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain(typed.email);
    const reports = (await (await page.request.get('/api/reports')).json()) as { reports: Array<{ id: string; reference: string }> };
    const reportId = reports.reports.find((r) => r.reference === reference)!.id;
    const detail = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as { files: Array<{ id: string }> };
    expect(detail.files).toHaveLength(1);
    // The receipt reaches the reporter, with the reference and nothing of what was reported.
    await expect.poll(() => received.filter((m) => m.to.includes(typed.email)).length, { timeout: 15_000 }).toBe(1);
    expect(found(received.find((m) => m.to.includes(typed.email))!.data, { iban: typed.iban, bsn: typed.bsn, phone: typed.phone })).toEqual([]);

    // Nothing personal in the log, whatever the level.
    const log = app.readLog();
    expect(log.length).toBeGreaterThan(0);
    expect(found(log, typed)).toEqual([]);
    expect(found(log, attached)).toEqual([]);
    expect(found(log, { reporterName: typed.name })).toEqual([]);

    // The attachment is stored encrypted: neither the files folder nor the database file shows its contents.
    const stored = filesUnder(path.join(app.dataDir, 'files'));
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) {
      expect(found(fs.readFileSync(file), { ...typed, ...attached }), file).toEqual([]);
    }
    const databaseFiles = fs.readdirSync(app.dataDir).filter((name) => name.startsWith('breachdesk.sqlite'));
    expect(databaseFiles).toContain('breachdesk.sqlite');
    // Nor the report: its text (which holds every typed value) and the reporter's name, e-mail and phone.
    for (const name of databaseFiles) {
      expect(found(fs.readFileSync(path.join(app.dataDir, name)), { ...typed, ...attached, description: 'A list was sent to the wrong address' }), name).toEqual([]);
    }
  });
});
