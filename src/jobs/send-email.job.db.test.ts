import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases, type TestDatabase } from '../../test/db-harness.ts';
import type { AppContext } from '../app-context.ts';
import { createMailboxMailer } from '../adapters/mailer/mailbox-mailer.ts';
import type { Mailer } from '../adapters/mailer/mailer.ts';
import { createSmtpMailer } from '../adapters/mailer/smtp-mailer.ts';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../shared/logger.ts';
import { systemClock } from '../shared/time.ts';
import { findJob } from './jobs.repository.ts';
import { enqueueEmail, sendEmailJob } from './send-email.job.ts';
import { createWorker } from './worker.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

function contextFor(database: TestDatabase, mailer: (ctx: Omit<AppContext, 'mailer'>) => Mailer): AppContext {
  const config = loadConfig({ LOG_LEVEL: 'silent', MAIL_FROM: 'Breachdesk <noreply@breachdesk.example>' });
  const base = { config, database, db: database.db, logger: createLogger('silent'), clock: systemClock };
  return { ...base, mailer: mailer(base) };
}

describeOnDatabases('send-email job', (getDb) => {
  const received: Received[] = [];
  let rejectNext = false;
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (rejectNext) {
            rejectNext = false;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers a queued e-mail through a real SMTP server, with a Message-ID fixed by the job', async () => {
    const database = getDb();
    const ctx = contextFor(database, ({ config }) => createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: config.MAIL_FROM }));
    const id = await database.db.transaction().execute((tx) =>
      enqueueEmail(tx, { to: 'anna@example.org', subject: 'Datalek bij ons: wat u moet weten', text: 'Beste Anna,\nEr is iets misgegaan.' }),
    );
    expect(received).toHaveLength(0);
    await createWorker(ctx).runDueJobs();
    await ctx.mailer.close();

    expect(await findJob(database.db, id)).toMatchObject({ status: 'done', attempts: 1 });
    const message = received.at(-1);
    expect(message?.to).toEqual(['anna@example.org']);
    expect(message?.from).toBe('noreply@breachdesk.example');
    expect(message?.raw).toContain('Subject: Datalek bij ons: wat u moet weten');
    expect(message?.raw).toContain(`Message-ID: <${id}@breachdesk.example>`);
    expect(message?.raw).toContain('Er is iets misgegaan.');
  });

  it('keeps a rejected e-mail queued for a retry, recording only the server reply', async () => {
    const database = getDb();
    const ctx = contextFor(database, ({ config }) => createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: config.MAIL_FROM }));
    const before = received.length;
    rejectNext = true;
    const id = await enqueueEmail(database.db, { to: 'bert@example.org', subject: 'Test', text: 'Body' });
    await createWorker(ctx).runDueJobs();
    await ctx.mailer.close();

    const row = await findJob(database.db, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row?.last_error).toContain('451');
    expect(row?.last_error).not.toContain('Body');
    expect(Date.parse(row!.run_at)).toBeGreaterThan(Date.now() + 30_000);
    expect(received).toHaveLength(before);
  });

  it('stores the e-mail in the built-in mailbox of its organisation when no SMTP server is configured', async () => {
    const database = getDb();
    const ctx = contextFor(database, ({ db, clock, config }) => createMailboxMailer(db, clock, config.MAIL_FROM));
    const id = await enqueueEmail(database.db, { to: 'carla@example.org', subject: 'Mailbox', text: 'Stored', orgId: 'org-1' });
    await createWorker(ctx).runDueJobs();
    expect(await findJob(database.db, id)).toMatchObject({ status: 'done' });
    const stored = await database.db.selectFrom('mailbox_messages').selectAll().where('subject', '=', 'Mailbox').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ org_id: 'org-1', to_address: 'carla@example.org', text_body: 'Stored', message_id: `<${id}@breachdesk.example>` });
  });

  it('refuses to queue an e-mail without a recipient', async () => {
    await expect(enqueueEmail(getDb().db, { to: '', subject: 'x', text: 'y' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(sendEmailJob.maxAttempts).toBeGreaterThan(1);
  });
});
