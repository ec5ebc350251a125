import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { describeOnDatabases, type TestDatabase } from '../../../test/db-harness.ts';
import { createMailboxMailer } from '../../adapters/mailer/mailbox-mailer.ts';
import type { AppContext } from '../../app-context.ts';
import { loadConfig, type Config } from '../../config/config.ts';
import { listJobsByName } from '../../jobs/jobs.repository.ts';
import { createWorker } from '../../jobs/worker.ts';
import { createLogger } from '../../shared/logger.ts';
import { systemClock } from '../../shared/time.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { approveCampaign, campaignProgress, createCampaign, getCampaign, startCampaign } from './campaigns.service.ts';
import { actorFor, insertTestCase, passingTemplates, startSmtpSink, type TestSmtpSink } from './notifications.fixtures.ts';
import { listOutboxRows } from './notifications.repository.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/breachdesk.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-notify-workers-'));
const encryptionKey = randomBytes(32).toString('base64');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const databaseUrl = (database: TestDatabase) => (database.dialect === 'postgres' ? database.location : `sqlite:${database.location}`);

function configFor(database: TestDatabase, smtpUrl: string, extra: Record<string, string> = {}): Config {
  return loadConfig({ DATA_DIR: dataDir, ENCRYPTION_KEY: encryptionKey, DATABASE_URL: databaseUrl(database), MAIL_URL: smtpUrl, LOG_LEVEL: 'silent', ...extra });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const people = (n: number, prefix: string): AffectedPersonInput[] =>
  Array.from({ length: n }, (_, i) => ({
    personKey: `${prefix}${i}`,
    set: 'confirmed',
    language: i % 3 === 0 ? 'en' : 'nl',
    brands: [],
    categories: i % 2 === 0 ? ['name', 'email', 'iban'] : ['name', 'email', 'bsn'],
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email: `${prefix.toLowerCase()}${i}@example.test`, mobile: null, address: null, name: `${prefix} ${i}` },
  }));

describeOnDatabases('a campaign sent by several workers at once', (getDb, dialect) => {
  let sink: TestSmtpSink;
  beforeAll(async () => {
    // A few milliseconds per message keep both workers busy at the same time.
    sink = await startSmtpSink({ delayMs: 3, queueIds: true });
  });
  afterAll(async () => sink.close());

  async function runningCampaign(config: Config, n: number, prefix: string) {
    const { db } = getDb();
    const author = await buildUser(db, { role: 'privacy_officer' });
    const approver = await buildUser(db, { role: 'privacy_officer', org_id: author.org_id });
    const ref = await insertTestCase(db, author.org_id);
    await storeAffectedPeople(db, { config, clock: systemClock }, { ...ref, sourceId: 's' }, people(n, prefix));
    const deps = { db, config, clock: systemClock };
    const created = await createCampaign(deps, actorFor(author), ref.caseId, { brand: 'B', name: 'n', templates: passingTemplates, contact: 'privacy@belmij.test', organisation: 'Belmij' });
    await approveCampaign(deps, actorFor(approver), ref.caseId, created.id);
    await startCampaign(deps, actorFor(author), ref.caseId, created.id);
    const load = () => getCampaign(deps, actorFor(author), ref.caseId, created.id);
    return { deps, campaignId: created.id, load };
  }

  /** Every person got exactly one message, to their own address, with their own exposed data and nobody else's. */
  async function expectEachPersonOnce(campaign: Awaited<ReturnType<typeof runningCampaign>>, n: number, prefix: string) {
    const received = sink.received.filter((m) => m.messageId.startsWith(`<${campaign.campaignId}.`));
    expect(received).toHaveLength(n);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(n);
    const addresses = received.map((m) => m.to).sort();
    expect(addresses).toEqual(people(n, prefix).map((p) => p.contact.email!).sort());
    for (const message of received) {
      const i = Number(message.to.slice(prefix.length, message.to.indexOf('@')));
      const ownNumber = i % 2 === 0 ? /IBAN|bankrekening/i : /BSN|burgerservicenummer|citizen service number/i;
      const otherNumber = i % 2 === 0 ? /BSN|burgerservicenummer|citizen service number/i : /IBAN|bankrekening/i;
      expect(message.raw).toMatch(ownNumber);
      expect(message.raw).not.toMatch(otherNumber);
    }
    const rows = await listOutboxRows(campaign.deps.db, campaign.campaignId);
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => r.state === 'accepted' && r.attempts === 1 && r.claims === 1)).toBe(true);
    // Each row keeps its own reply from the server, though a whole batch is recorded in one statement.
    expect(new Set(rows.map((r) => r.last_response)).size).toBe(n);
    const progress = await campaignProgress(campaign.deps, await campaign.load());
    expect(progress.claimedTwice).toBe(0);
    return received;
  }

  it('two `breachdesk worker` processes share one campaign: every row is sent exactly once, by both', async () => {
    const database = getDb();
    const n = 600;
    const campaign = await runningCampaign(configFor(database, sink.url), n, 'P');
    const workers = ['one', 'two'].map((name) => {
      const child = spawn(process.execPath, [bin, 'worker'], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          ENCRYPTION_KEY: encryptionKey,
          DATABASE_URL: databaseUrl(database),
          MAIL_URL: sink.url,
          // The envelope sender tells at the sink which process sent a message.
          MAIL_FROM: `Breachdesk <${name}@belmij.test>`,
          CAMPAIGN_SEND_JOBS: '2',
          JOBS_CONCURRENCY: '1',
          JOBS_POLL_MS: '50',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, exited, output: () => output };
    });
    try {
      await waitFor(async () => (await campaign.load()).state === 'completed');
    } catch (error) {
      throw new Error(`campaign not completed; worker output:\n${workers.map((w) => w.output()).join('\n')}`, { cause: error });
    } finally {
      for (const worker of workers) worker.child.kill('SIGTERM');
    }
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    const received = await expectEachPersonOnce(campaign, n, 'P');
    const bySender = new Map<string, number>();
    for (const m of received) bySender.set(m.from, (bySender.get(m.from) ?? 0) + 1);
    expect([...bySender.keys()].sort()).toEqual(['one@belmij.test', 'two@belmij.test']);
  }, 180_000);

  if (dialect === 'sqlite') {
    it('two workers in one process share a campaign on SQLite: every row is sent exactly once', async () => {
      const database = getDb();
      const config = configFor(database, sink.url, { CAMPAIGN_SEND_JOBS: '3', MAIL_FROM: 'Breachdesk <inproc@belmij.test>' });
      const ctx: AppContext = { config, database, db: database.db, logger: createLogger('silent'), clock: systemClock, mailer: createMailboxMailer(database.db, systemClock, config.MAIL_FROM) };
      const n = 300;
      const campaign = await runningCampaign(config, n, 'Q');
      const workers = [createWorker(ctx, { workerId: 'a', concurrency: 2, pollMs: 20 }), createWorker(ctx, { workerId: 'b', concurrency: 2, pollMs: 20 })];
      for (const worker of workers) worker.start();
      try {
        await waitFor(async () => (await campaign.load()).state === 'completed');
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      await expectEachPersonOnce(campaign, n, 'Q');
      const lanes = (await listJobsByName(database.db, 'send-campaign')).filter((j) => j.payload.includes(campaign.campaignId)).map((j) => (JSON.parse(j.payload) as { lane?: number }).lane ?? 0);
      expect(new Set(lanes)).toEqual(new Set([0, 1, 2]));
    }, 120_000);
  }
});
