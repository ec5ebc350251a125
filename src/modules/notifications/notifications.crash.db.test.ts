import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { loadConfig } from '../../config/config.ts';
import { systemClock } from '../../shared/time.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { approveCampaign, campaignProgress, createCampaign, getCampaign, startCampaign } from './campaigns.service.ts';
import { actorFor, insertTestCase, passingTemplates, startSmtpSink, type TestSmtpSink } from './notifications.fixtures.ts';
import { listOutboxRows } from './notifications.repository.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const moduleUrl = (file: string) => JSON.stringify(new URL(file, `file://${here}/`).href);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-notify-crash-'));
const config = loadConfig({ DATA_DIR: dataDir, MAIL_FROM: 'Breachdesk <noreply@belmij.test>', LOG_LEVEL: 'silent' });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// A sending worker in its own process, as `breachdesk worker` would run it: SIGTERM finishes the batch in hand.
const workerScript = `
import { openDatabase } from ${moduleUrl('../../db/database.ts')};
import { loadConfig } from ${moduleUrl('../../config/config.ts')};
import { systemClock } from ${moduleUrl('../../shared/time.ts')};
import { getOrCreateDataKey } from ${moduleUrl('../keys/index.ts')};
import { findCampaignRowById, findCaseReference } from ${moduleUrl('./notifications.repository.ts')};
import { toCampaign } from ${moduleUrl('./campaign-row.ts')};
import { createSmtpChannel } from ${moduleUrl('./email-channel.ts')};
import { createOutboxSender } from ${moduleUrl('./outbox-sender.ts')};
const [dialect, location, dataDir, campaignId, smtpUrl, workerId, inFlight] = process.argv.slice(1);
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const database = openDatabase(dialect === 'postgres' ? { dialect, url: location } : { dialect, file: location });
const row = await findCampaignRowById(database.db, campaignId);
const reference = await findCaseReference(database.db, row.org_id, row.case_id);
const dataKey = await getOrCreateDataKey(database.db, { config, clock: systemClock }, row.org_id, row.case_id);
const email = createSmtpChannel({ url: smtpUrl, from: 'noreply@belmij.test', maxConnections: 4 });
let stopping = false;
process.on('SIGTERM', () => { stopping = true; });
const sender = createOutboxSender({ database, clock: systemClock, campaign: toCampaign(row), caseReference: reference, dataKey: dataKey.key, email, sms: null, messageIdDomain: 'belmij.test', workerId, batchSize: 20, leaseMs: 1500, batchesInFlight: Number(inFlight) });
process.stdout.write('ready\\n');
await sender.run(() => stopping);
await email.close();
await database.close();
`;

function startWorker(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', workerScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { child, exited };
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const people = (n: number): AffectedPersonInput[] =>
  Array.from({ length: n }, (_, i) => ({
    personKey: `K${i}`,
    set: 'confirmed',
    language: 'nl',
    brands: [],
    categories: ['name', 'email'],
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email: `k${i}@example.test`, mobile: null, address: null, name: `K ${i}` },
  }));

describeOnDatabases('campaign sending across worker crashes', (getDb, dialect) => {
  let sink: TestSmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ delayMs: 15 });
  });
  afterAll(async () => sink.close());

  async function runningCampaign(n: number) {
    const { db } = getDb();
    const author = await buildUser(db, { role: 'privacy_officer' });
    const approver = await buildUser(db, { role: 'privacy_officer', org_id: author.org_id });
    const ref = await insertTestCase(db, author.org_id);
    await storeAffectedPeople(db, { config, clock: systemClock }, { ...ref, sourceId: 's' }, people(n));
    const deps = { db, config, clock: systemClock };
    const created = await createCampaign(deps, actorFor(author), ref.caseId, { brand: 'B', name: 'n', templates: passingTemplates, contact: 'privacy@belmij.test', organisation: 'Belmij' });
    await approveCampaign(deps, actorFor(approver), ref.caseId, created.id);
    await startCampaign(deps, actorFor(author), ref.caseId, created.id);
    return { deps, campaignId: created.id, load: () => getCampaign(deps, actorFor(author), ref.caseId, created.id) };
  }

  const argsFor = (campaignId: string, workerId: string, inFlight = 1) => [dialect, getDb().location, dataDir, campaignId, sink.url, workerId, String(inFlight)];
  const mine = (campaignId: string) => sink.received.filter((m) => m.messageId.startsWith(`<${campaignId}.`));

  it('after SIGKILL a second worker finishes: nobody is missed, duplicates are at most the rows claimed twice', async () => {
    const { deps, campaignId, load } = await runningCampaign(200);
    const first = startWorker(argsFor(campaignId, 'killed'));
    await waitFor(() => mine(campaignId).length >= 50);
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 1700)); // the dead worker's leases run out
    const second = startWorker(argsFor(campaignId, 'second'));
    expect(await second.exited).toBe(0);

    const received = mine(campaignId);
    const distinct = new Set(received.map((m) => m.messageId));
    expect(distinct.size).toBe(200);
    const rows = await listOutboxRows(deps.db, campaignId);
    expect(rows.every((r) => r.state === 'accepted')).toBe(true);
    const progress = await campaignProgress(deps, await load());
    expect(received.length - distinct.size).toBeLessThanOrEqual(progress.claimedTwice);
    expect(progress.claimedTwice).toBeLessThanOrEqual(20);
  }, 120_000);

  it('after SIGTERM the worker finishes its batch and a restart sends nothing twice', async () => {
    const { deps, campaignId, load } = await runningCampaign(120);
    const first = startWorker(argsFor(campaignId, 'stopped'));
    await waitFor(() => mine(campaignId).length >= 30);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(mine(campaignId).length).toBeLessThan(120);
    const second = startWorker(argsFor(campaignId, 'second'));
    expect(await second.exited).toBe(0);

    const received = mine(campaignId);
    expect(received).toHaveLength(120);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(120);
    expect((await campaignProgress(deps, await load())).claimedTwice).toBe(0);
    expect((await listOutboxRows(deps.db, campaignId)).every((r) => r.state === 'accepted')).toBe(true);
  }, 120_000);

  it('with two batches in flight, SIGKILL repeats at most those two batches and SIGTERM repeats nothing', async () => {
    const killed = await runningCampaign(200);
    const first = startWorker(argsFor(killed.campaignId, 'killed-2', 2));
    await waitFor(() => mine(killed.campaignId).length >= 50);
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 1700));
    expect(await startWorker(argsFor(killed.campaignId, 'second-2', 2)).exited).toBe(0);
    const received = mine(killed.campaignId);
    const distinct = new Set(received.map((m) => m.messageId));
    expect(distinct.size).toBe(200);
    const progress = await campaignProgress(killed.deps, await killed.load());
    expect(received.length - distinct.size).toBeLessThanOrEqual(progress.claimedTwice);
    expect(progress.claimedTwice).toBeLessThanOrEqual(40);

    const stopped = await runningCampaign(120);
    const worker = startWorker(argsFor(stopped.campaignId, 'stopped-2', 2));
    await waitFor(() => mine(stopped.campaignId).length >= 30);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await startWorker(argsFor(stopped.campaignId, 'second-3', 2)).exited).toBe(0);
    const all = mine(stopped.campaignId);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(120);
    expect((await campaignProgress(stopped.deps, await stopped.load())).claimedTwice).toBe(0);
  }, 180_000);
});
