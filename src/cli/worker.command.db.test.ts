import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeOnDatabases, type TestDatabase } from '../../test/db-harness.ts';
import { findJob } from '../jobs/jobs.repository.ts';
import { enqueueEmail } from '../jobs/send-email.job.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/breachdesk.mjs');

function databaseUrl(database: TestDatabase): string {
  return database.dialect === 'postgres' ? database.location : `sqlite:${database.location}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the real command, waits until it has sent the queued mail, stops it with SIGTERM. */
async function runUntilJobDone(database: TestDatabase, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const id = await enqueueEmail(database.db, { to: 'dana@example.org', subject: `Via ${args[0]}`, text: 'Hello', orgId: null });
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database), MAIL_URL: '', JOBS_POLL_MS: '50', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitFor(async () => (await findJob(database.db, id))?.status === 'done');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`job not done; command output:\n${output}`, { cause: error });
  }
  child.kill('SIGTERM');
  return { code: await exited, output };
}

it('breachdesk worker --help describes the command', () => {
  const result = spawnSync(process.execPath, [bin, 'worker', '--help'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Usage: breachdesk worker');
  expect(result.stdout).toContain('SIGTERM');
}, 60_000);

describeOnDatabases('breachdesk worker and serve run queued jobs', (getDb) => {
  it('worker sends a queued e-mail, then stops gracefully on SIGTERM', async () => {
    const database = getDb();
    const { code, output } = await runUntilJobDone(database, ['worker'], {});
    expect(code).toBe(0);
    expect(output).toContain('job worker stopped');
    const stored = await database.db.selectFrom('mailbox_messages').select('to_address').where('subject', '=', 'Via worker').execute();
    expect(stored).toEqual([{ to_address: 'dana@example.org' }]);
  }, 90_000);

  it('serve with ROLE=all runs the worker in the same process', async () => {
    const database = getDb();
    const { code, output } = await runUntilJobDone(database, ['serve'], { ROLE: 'all', PORT: String(await freePort()) });
    expect(code).toBe(0);
    expect(output).toContain('job worker stopped');
  }, 90_000);
});
