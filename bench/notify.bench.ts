/**
 * Informing the people affected at scale: seeds N affected people (200,000 by default) on one case, starts a
 * campaign, and sends it through the real pipeline (outbox claims with leases, per-person rendering,
 * nodemailer's pooled SMTP, outcomes recorded per row) to an SMTP sink on loopback. Then a raw blaster sends
 * the same number of messages to the same sink: the practical limit of that sink on this machine.
 *
 *   npm run bench:notify -- --people 200000 --senders 1,2 --connections 20   (one run per sender-process count)
 *   npm run bench:notify -- --people 20000 --senders 1 --cpu-prof-dir prof    (a V8 CPU profile per sender)
 *   npm run bench:notify -- --people 6200000          (the telecom hack; see docs/sending.md)
 *
 * The sink is Postfix's smtp-sink when installed (apt-get install postfix), else an smtp-server sink in its
 * own process; the blaster is smtp-source when installed, else a raw pooled nodemailer loop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import type { Actor } from '../src/http/actor.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../src/modules/affected-people/index.ts';
import { getOrCreateDataKey } from '../src/modules/keys/index.ts';
import {
  approveCampaign,
  createCampaign,
  createOutboxSender,
  createSmtpChannel,
  findCampaignRowById,
  findCaseReference,
  getCampaign,
  campaignProgress,
  startCampaign,
  toCampaign,
} from '../src/modules/notifications/index.ts';
import { newId } from '../src/shared/ids.ts';
import { insertBenchCase } from './bench-case.ts';
import { systemClock } from '../src/shared/time.ts';

const thisFile = fileURLToPath(import.meta.url);

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
function text(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const templates = {
  nl: {
    subject: 'Datalek bij {{organisation}}: uw gegevens',
    body: 'Beste {{name}},\n\nBij {{organisation}} is een datalek geweest. Een hacker heeft gegevens gestolen. Het gaat om {{exposed_data}}.\n\nHet risico is dat oplichters u nepberichten sturen. Wij hebben aangifte gedaan bij de politie.\n\nWees alert op phishing. Deel nooit uw pincode. Controleer uw facturen.\n\nVragen? Neem contact op via {{contact}}. Kenmerk: {{reference}}.',
  },
  en: {
    subject: 'Data breach at {{organisation}}: your data',
    body: 'Dear {{name}},\n\nThere was a data breach at {{organisation}}. A hacker stole data. It concerns {{exposed_data}}.\n\nThe risk is that criminals send you fake messages to commit fraud. We have reported it to the police.\n\nBe alert to phishing. Never share your PIN. Check your invoices.\n\nQuestions? Contact us via {{contact}}. Reference: {{reference}}.',
  },
};

const categorySets = [['name', 'email', 'phone', 'iban'], ['name', 'address', 'email', 'birth_date'], ['name', 'email', 'customer_id', 'id_document'], ['name', 'email', 'bsn']];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

const smtpServerSink = `
import { SMTPServer } from 'smtp-server';
const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _s, cb) { stream.on('data', () => {}); stream.on('end', () => cb()); } });
server.on('error', () => {});
server.listen(Number(process.argv[1]), '127.0.0.1');
`;

function startSink(port: number): { kind: string; child: ChildProcess } {
  if (fs.existsSync('/usr/sbin/smtp-sink')) {
    const args = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
    return { kind: 'postfix smtp-sink', child: spawn('/usr/sbin/smtp-sink', [...args, '-c', `127.0.0.1:${port}`, '1000'], { stdio: 'ignore' }) };
  }
  return { kind: 'smtp-server (node) sink', child: spawn(process.execPath, ['--input-type=module', '-e', smtpServerSink, String(port)], { stdio: 'ignore' }) };
}

interface SenderReport {
  sent: number;
  /** Wall-clock moments (ms since the epoch) around the sending: loading the code is not part of it. */
  startedAt: number;
  endedAt: number;
  cpuMs: number;
  maxRssMb: number;
}

interface RunReport {
  processes: number;
  outboxSeconds: number;
  seconds: number;
  sent: number;
  total: number;
  failed: number;
  claimedTwice: number;
  reports: SenderReport[];
}

/** One sending process: what `breachdesk worker` does for a campaign, without the job bookkeeping around it. */
async function runSender(): Promise<void> {
  const [file, dataDir, campaignId, port, connections, workerId] = ['db', 'data', 'campaign', 'port', 'connections', 'worker'].map((n) => text(n)!);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const database = openDatabase({ dialect: 'sqlite', file: file! });
  const row = (await findCampaignRowById(database.db, campaignId!))!;
  const reference = (await findCaseReference(database.db, row.org_id, row.case_id))!;
  const dataKey = await getOrCreateDataKey(database.db, { config, clock: systemClock }, row.org_id, row.case_id);
  const email = createSmtpChannel({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@bench.test', maxConnections: Number(connections), maxMessages: 10_000 });
  const sender = createOutboxSender({ database, clock: systemClock, campaign: toCampaign(row), caseReference: reference, dataKey: dataKey.key, email, sms: null, messageIdDomain: 'bench.test', workerId: workerId!, batchSize: 500, batchesInFlight: Number(text('in-flight') ?? 2) });
  const cpuBefore = process.cpuUsage();
  const startedAt = Date.now();
  const sent = await sender.run(() => false);
  await email.close();
  const endedAt = Date.now();
  const cpu = process.cpuUsage(cpuBefore);
  await database.close();
  const report: SenderReport = { sent, startedAt, endedAt, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const profileDir = text('cpu-prof-dir');
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', thisFile, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}`))));
  });
}

async function blast(port: number, count: number, connections: number): Promise<{ kind: string; seconds: number }> {
  if (fs.existsSync('/usr/sbin/smtp-source')) {
    const began = performance.now();
    // -d keeps each connection for the next message, as the pooled pipeline does: the sink's best rate.
    spawnSync('/usr/sbin/smtp-source', ['-d', '-l', '1500', '-m', String(count), '-s', String(connections), `127.0.0.1:${port}`], { stdio: 'ignore' });
    return { kind: 'postfix smtp-source', seconds: (performance.now() - began) / 1000 };
  }
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, pool: true, maxConnections: connections, maxMessages: 10_000, secure: false, ignoreTLS: true });
  const began = performance.now();
  const body = 'x'.repeat(1400);
  for (let i = 0; i < count; i += 1000) {
    await Promise.all(Array.from({ length: Math.min(1000, count - i) }, (_, j) => transport.sendMail({ from: 'a@bench.test', to: `p${i + j}@example.test`, subject: 'raw', text: body })));
  }
  transport.close();
  return { kind: 'raw nodemailer pooled loop', seconds: (performance.now() - began) / 1000 };
}

async function main(): Promise<void> {
  if (process.argv.includes('--sender')) return runSender();
  const people = option('people', 200_000);
  const senderCounts = (text('senders') ?? '1,2').split(',').map((v) => Number(v));
  if (senderCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--senders needs positive whole numbers, e.g. 1,2');
  const connections = option('connections', 20);
  const batchesInFlight = option('in-flight', 2);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-notify-'));
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAIL_FROM: 'noreply@bench.test' }));
  const port = await freePort();
  const sink = startSink(port);
  try {
    await migrateToLatest(ctx.db);
    const now = new Date().toISOString();
    const { orgId, caseId } = await insertBenchCase(ctx.db, now);
    const actors: Actor[] = [];
    for (const name of ['author', 'approver']) {
      const id = newId();
      await ctx.db.insertInto('users').values({ id, org_id: orgId, email: `${name}@bench.test`, display_name: name, role: 'privacy_officer', processor_org_id: null, password_hash: null, locale: 'en', disabled_at: null, created_at: now }).execute();
      actors.push({ userId: id, orgId, role: 'privacy_officer', processorOrgId: null, locale: 'en', displayName: name, sessionId: null });
    }
    let began = performance.now();
    for (let i = 0; i < people; i += 20_000) {
      const batch: AffectedPersonInput[] = [];
      for (let j = i; j < Math.min(people, i + 20_000); j += 1) {
        batch.push({ personKey: `C${j}`, set: 'confirmed', language: j % 5 === 0 ? 'en' : 'nl', brands: [], categories: categorySets[j % categorySets.length]!, specialCategories: [], vulnerable: [], records: 1, contact: { email: `klant${j}@example.test`, mobile: null, address: null, name: `Klant ${j}` } });
      }
      await ctx.db.transaction().execute((tx) => storeAffectedPeople(tx, ctx, { orgId, caseId, sourceId: 'bench' }, batch));
    }
    const seedSeconds = (performance.now() - began) / 1000;
    await waitForPort(port);
    const runs: RunReport[] = [];
    for (const processes of senderCounts) {
      // Each run sends its own campaign to the same people, so that every run starts from a full outbox.
      const campaign = await createCampaign(ctx, actors[0]!, caseId, { brand: 'Bench', name: `Bench wave, ${processes} processes`, templates, contact: 'privacy@bench.test', organisation: 'Bench Telecom' });
      await approveCampaign(ctx, actors[1]!, caseId, campaign.id);
      began = performance.now();
      await startCampaign(ctx, actors[0]!, caseId, campaign.id);
      const outboxSeconds = (performance.now() - began) / 1000;
      const reports = (
        await Promise.all(
          Array.from({ length: processes }, (_, i) =>
            runChild(['--sender', '--db', ctx.config.database.dialect === 'sqlite' ? ctx.config.database.file : '', '--data', dataDir, '--campaign', campaign.id, '--port', String(port), '--connections', String(connections), '--in-flight', String(batchesInFlight), '--worker', `bench-${processes}-${i}`]),
          ),
        )
      ).map((out) => JSON.parse(out.trim().split('\n').pop()!) as SenderReport);
      // From the first claim of any sender to the last outcome recorded.
      const seconds = (Math.max(...reports.map((r) => r.endedAt)) - Math.min(...reports.map((r) => r.startedAt))) / 1000;
      const progress = await campaignProgress(ctx, await getCampaign(ctx, actors[0]!, caseId, campaign.id));
      runs.push({ processes, outboxSeconds, seconds, sent: progress.sent, total: progress.total, failed: progress.failed, claimedTwice: progress.claimedTwice, reports });
    }

    const blaster = await blast(port, people, connections * Math.max(...senderCounts));
    const blasterRate = people / blaster.seconds;
    const lines = [
      `people                 ${people.toLocaleString('en')} (seeded in ${seedSeconds.toFixed(1)} s)`,
      `sink                   ${sink.kind} on loopback`,
      `machine                ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end (other work on the machine slows every figure)`,
      `blaster                ${blaster.kind}: ${blaster.seconds.toFixed(1)} s  ->  ${Math.round(blasterRate).toLocaleString('en')} messages/s`,
    ];
    for (const run of runs) {
      const rate = run.sent / run.seconds;
      const cpuSeconds = run.reports.reduce((n, r) => n + r.cpuMs, 0) / 1000;
      lines.push(
        '',
        `pipeline, ${run.processes} sender process${run.processes === 1 ? '' : 'es'} x ${connections} SMTP connections (outbox filled in ${run.outboxSeconds.toFixed(1)} s)`,
        `  sent (accepted)      ${run.sent.toLocaleString('en')} of ${run.total.toLocaleString('en')}; failed ${run.failed}; claimed twice ${run.claimedTwice}`,
        `  time                 ${run.seconds.toFixed(1)} s  ->  ${Math.round(rate).toLocaleString('en')} messages/s`,
        `  CPU                  ${cpuSeconds.toFixed(1)} s (${Math.round((cpuSeconds / run.seconds) * 100)}% of one core; ${((cpuSeconds * 1000) / Math.max(1, run.sent)).toFixed(2)} ms per message)`,
        `  peak memory          ${Math.max(...run.reports.map((r) => r.maxRssMb)).toFixed(0)} MB RSS per sender process`,
        `  ratio to blaster     ${(rate / blasterRate).toFixed(2)}`,
        `  6.2 million          ${(6_200_000 / rate / 60).toFixed(0)} minutes at this rate`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    sink.child.kill('SIGTERM');
    await ctx.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
