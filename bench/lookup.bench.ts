/**
 * "Am I affected?" under a rush: loads N affected people into the lookup index of one case (6.2 million
 * by default, the telecom hack), starts `breachdesk serve` on loopback as its own process, and drives
 * POST /incident/:slug/lookup with autocannon from this process: first with addresses that are in the
 * index, then with addresses that are not. Prints requests/s and p50/p99 latency side by side.
 *
 *   npm run bench:lookup -- --people 200000 --seconds 10 --connections 50 [--worker separate|inline|none] [--rate 1000]
 *
 * Without --rate the load is as fast as the connections allow, so the latency includes the queue that this
 * builds; with --rate N the requests arrive at N per second in all, the way a target of "N requests per second
 * with p99 under X ms" is meant.
 *
 * The server runs with TRUST_PROXY=true and each request carries its own X-Forwarded-For, as behind a
 * reverse proxy, so that the per-address limit does not turn the bench into a measurement of refusals.
 * As in a rush, the web process only answers and queues (ROLE=web): it keeps accepted lookups in memory and
 * writes them as jobs in batches. A `breachdesk worker` process does the lookups and sends the replies; the
 * figures after the run say how far the worker got. The people are loaded by the bulk path (one transaction
 * per 50,000, each person's contact details encrypted), whose speed is printed with the share of encryption.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/config.ts';
import { migrateToLatest } from '../src/db/database.ts';
import { bulkLoadAffectedPeople, type AffectedPersonInput } from '../src/modules/affected-people/index.ts';
import { encryptValue } from '../src/modules/keys/index.ts';
import { insertBenchCase } from './bench-case.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const people = option('people', 6_200_000);
const seconds = option('seconds', 10);
const connections = option('connections', 50);
const rateArg = process.argv.indexOf('--rate');
const rate = rateArg === -1 ? undefined : option('rate', 1000);
/** separate: a `breachdesk worker` process (default); inline: ROLE=all; none: only answering and queuing. */
const workerArg = process.argv.indexOf('--worker');
const workerMode = workerArg === -1 ? 'separate' : process.argv[workerArg + 1];
if (workerMode !== 'separate' && workerMode !== 'inline' && workerMode !== 'none') throw new Error('--worker takes separate, inline or none');
const slug = 'bench-incident';

const affectedEmail = (i: number) => `klant${i}@bench.example.nl`;
const unaffectedEmail = (i: number) => `niemand${i}@elders.example.nl`;

function benchPerson(i: number): AffectedPersonInput {
  return {
    personKey: `P${i}`,
    set: 'confirmed',
    language: 'nl',
    brands: ['Bench Telecom'],
    categories: ['name', 'email', 'phone', 'iban', 'birth_date'],
    specialCategories: [],
    vulnerable: [],
    records: 1,
    contact: { email: affectedEmail(i), mobile: `+3161${String(i).padStart(7, '0')}`, address: null, name: `Klant ${i}` },
  };
}

function* benchPeople(count: number): Generator<AffectedPersonInput> {
  for (let i = 0; i < count; i++) yield benchPerson(i);
}

/** What the per-row encryption of contact details costs on its own, to set against the whole load. */
function measureEncryption(): number {
  const key = Buffer.alloc(32, 7);
  const sample = 100_000;
  const started = performance.now();
  for (let i = 0; i < sample; i++) encryptValue(key, JSON.stringify(benchPerson(i).contact));
  return ((performance.now() - started) * 1000) / sample;
}

async function loadPeople(dataDir: string): Promise<void> {
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    await migrateToLatest(ctx.db);
    const now = new Date().toISOString();
    const { orgId, caseId } = await insertBenchCase(ctx.db, now);
    const texts = { whatHappened: 'Bench.', whatData: '', whatWeDid: '', whatToDo: '', phishing: '', contact: '' };
    await ctx.db
      .insertInto('incident_pages')
      .values({ case_id: caseId, org_id: orgId, slug, published: 1, texts: JSON.stringify({ nl: texts, en: texts }), not_affected_reply: 'message', allow_customer_lookup: 0, published_at: now, created_at: now, updated_at: now })
      .execute();
    const started = performance.now();
    await bulkLoadAffectedPeople(ctx.db, ctx, { orgId, caseId, sourceId: 'bench' }, benchPeople(people), {
      onProgress: (done) => {
        process.stderr.write(`\rloaded ${done.toLocaleString('en')} of ${people.toLocaleString('en')} people (${Math.round(done / ((performance.now() - started) / 1000)).toLocaleString('en')}/s)`);
      },
    });
    process.stderr.write('\n');
  } finally {
    await ctx.close();
  }
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('breachdesk serve did not become ready within 60 s');
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytesPerAnswer: number;
}

async function drive(baseUrl: string, cookie: string, csrf: string, emailOf: (i: number) => string, offset: number, duration = seconds): Promise<Figures> {
  let counter = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    ...(rate === undefined ? {} : { overallRate: rate }),
    requests: [
      {
        method: 'POST',
        path: `/incident/${slug}/lookup`,
        setupRequest: (request) => {
          counter += 1;
          const n = offset + counter;
          const email = emailOf(n % Math.max(1, people));
          return {
            ...request,
            headers: {
              ...request.headers,
              cookie,
              'content-type': 'application/x-www-form-urlencoded',
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: `_csrf=${encodeURIComponent(csrf)}&identifier=${encodeURIComponent(email)}`,
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerAnswer: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

/** How many lookups the worker has answered by the end of the run, and how many wait in the queue. */
async function reportQueue(dataDir: string): Promise<void> {
  const ctx = createContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const rows = await ctx.db.selectFrom('jobs').select(['name', 'status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['name', 'status']).execute();
    console.log(`jobs at the end: ${rows.map((r) => `${r.name} ${r.status} ${Number(r.n).toLocaleString('en')}`).join(', ')}`);
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-lookup-'));
  const dataDir = path.join(base, 'data');
  fs.mkdirSync(dataDir);
  console.log(`lookup bench: ${people.toLocaleString('en')} affected people, ${connections} connections, ${seconds} s per input kind after a 10 s warm-up, worker: ${workerMode}, ${rate === undefined ? 'as fast as possible' : `${rate} requests/s`}`);
  const encryptionMicros = measureEncryption();
  const loadStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  await loadPeople(dataDir);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // On a shared machine the wall clock measures the neighbours too; the CPU time is this load's own cost.
  console.log(
    `index loaded in ${loadSeconds.toFixed(1)} s (${Math.round(people / loadSeconds).toLocaleString('en')} people/s), ` +
      `${cpuSeconds.toFixed(1)} s of CPU (${Math.round(people / cpuSeconds).toLocaleString('en')} people per CPU second); ` +
      `encrypting one person's contact details takes ${encryptionMicros.toFixed(1)} µs, ${((encryptionMicros * people) / 1e6).toFixed(1)} s of the load`,
  );

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, DATA_DIR: dataDir, DATABASE_URL: '', MAIL_URL: '', LOG_LEVEL: 'warn', TRUST_PROXY: 'true', ROLE: workerMode === 'inline' ? 'all' : 'web' };
  const cli = path.join(repoRoot, 'bin', 'breachdesk.mjs');
  const server = spawn(process.execPath, [cli, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
  let worker: ReturnType<typeof spawn> | null = null;
  try {
    await waitUntilReady(baseUrl);
    const page = await fetch(`${baseUrl}/incident/${slug}`);
    if (page.status !== 200) throw new Error(`the incident page answered ${page.status}`);
    const csrf = /bd_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
    if (!csrf) throw new Error('the incident page set no CSRF cookie');
    const cookie = `bd_csrf=${csrf}`;
    if (workerMode === 'separate') worker = spawn(process.execPath, [cli, 'worker'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });

    await drive(baseUrl, cookie, csrf, unaffectedEmail, 5_000_000, 10); // warm-up, not reported
    const affected = await drive(baseUrl, cookie, csrf, affectedEmail, 0);
    const unaffected = await drive(baseUrl, cookie, csrf, unaffectedEmail, 0);

    const row = (label: string, f: (x: Figures) => string) => console.log(`${label.padEnd(18)}${f(affected).padStart(12)}${f(unaffected).padStart(14)}`);
    console.log(`\n${''.padEnd(18)}${'affected'.padStart(12)}${'unaffected'.padStart(14)}`);
    row('requests/s', (x) => x.requestsPerSecond.toFixed(0));
    row('p50 latency ms', (x) => x.p50.toFixed(1));
    row('p99 latency ms', (x) => x.p99.toFixed(1));
    row('bytes per answer', (x) => String(x.bytesPerAnswer));
    row('non-2xx answers', (x) => String(x.non2xx));
    row('errors', (x) => String(x.errors));
    const ratio = unaffected.p99 > 0 ? affected.p99 / unaffected.p99 : 1;
    console.log(`\np99 affected / unaffected: ${ratio.toFixed(2)}; targets: 1,000 requests/s, p99 < 50 ms`);
    await reportQueue(dataDir);
  } finally {
    for (const child of [worker, server]) {
      if (!child || child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(base, { recursive: true, force: true });
  }
}

await main();
