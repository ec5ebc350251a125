import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeOnDatabases, type TestDatabase } from '../../test/db-harness.ts';
import type { AppContext } from '../app-context.ts';
import { createMailboxMailer } from '../adapters/mailer/mailbox-mailer.ts';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../shared/logger.ts';
import { systemClock } from '../shared/time.ts';
import { enqueueJob } from './enqueue-job.ts';
import { defineJob, skipJob, type JobDefinition } from './job-definition.ts';
import { findJob, listJobsByName } from './jobs.repository.ts';
import { createWorker, type Worker } from './worker.ts';

function contextFor(database: TestDatabase): AppContext {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.dialect === 'postgres' ? database.location : `sqlite:${database.location}` });
  return { config, database, db: database.db, logger: createLogger('silent'), clock: systemClock, mailer: createMailboxMailer(database.db, systemClock, config.MAIL_FROM) };
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

describeOnDatabases('job queue', (getDb, dialect) => {
  const workers: Worker[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  function recordingJob(options: { fail?: number; maxAttempts?: number } = {}) {
    const runs: string[] = [];
    let failuresLeft = options.fail ?? 0;
    const definition = defineJob({
      name: uniqueName('record'),
      payload: z.object({ label: z.string() }),
      maxAttempts: options.maxAttempts ?? 3,
      backoff: () => 0,
      async handle(payload) {
        runs.push(payload.label);
        if (failuresLeft-- > 0) throw new Error(`boom ${runs.length}`);
      },
    });
    return { definition, runs };
  }

  it('enqueued in a transaction that rolls back leaves no job', async () => {
    const { db } = getDb();
    const { definition } = recordingJob();
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueueJob(tx, definition, { label: 'never' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await listJobsByName(db, definition.name)).toHaveLength(0);

    await db.transaction().execute(async (tx) => {
      await enqueueJob(tx, definition, { label: 'kept' });
    });
    expect(await listJobsByName(db, definition.name)).toHaveLength(1);
  });

  it('refuses a payload that does not match the schema', async () => {
    const { definition } = recordingJob();
    await expect(enqueueJob(getDb().db, definition, { label: 42 } as never)).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await listJobsByName(getDb().db, definition.name)).toHaveLength(0);
  });

  it('runs a job once and marks it done', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob();
    const id = await enqueueJob(database.db, definition, { label: 'once' });
    const worker = createWorker(contextFor(database), { definitions: [definition], pollMs: 20 });
    workers.push(worker);
    worker.start();
    await waitFor(async () => (await findJob(database.db, id))?.status === 'done');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toEqual(['once']);
    const row = await findJob(database.db, id);
    expect(row).toMatchObject({ status: 'done', attempts: 1, locked_by: null, locked_until: null, last_error: null });
  });

  it('does not run a job before its time', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob();
    const id = await enqueueJob(database.db, definition, { label: 'later' }, { runAt: new Date(Date.now() + 60_000) });
    const worker = createWorker(contextFor(database), { definitions: [definition] });
    expect(await worker.runDueJobs()).toBe(0);
    expect(runs).toEqual([]);
    expect((await findJob(database.db, id))?.status).toBe('queued');
  });

  it('retries a failing job with backoff, then marks it failed with the last error', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob({ fail: 10, maxAttempts: 3 });
    const id = await enqueueJob(database.db, definition, { label: 'x' });
    const worker = createWorker(contextFor(database), { definitions: [definition] });
    await worker.runDueJobs();
    expect(runs).toHaveLength(3);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'Error: boom 3', locked_by: null });
  });

  it('succeeds on a retry after a failure and schedules the retry by the backoff', async () => {
    const database = getDb();
    const runs: number[] = [];
    const definition = defineJob({
      name: uniqueName('flaky'),
      payload: z.object({}),
      maxAttempts: 3,
      backoff: (attempt) => attempt * 60_000,
      async handle(_payload, ctx) {
        runs.push(ctx.job.attempt);
        if (ctx.job.attempt === 1) throw new Error('transient');
      },
    });
    const id = await enqueueJob(database.db, definition, {});
    const worker = createWorker(contextFor(database), { definitions: [definition] });
    const before = Date.now();
    await worker.runDueJobs();
    const waiting = await findJob(database.db, id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Error: transient' });
    const delay = Date.parse(waiting!.run_at) - before;
    expect(delay).toBeGreaterThanOrEqual(59_000);
    expect(delay).toBeLessThan(70_000);
    await database.db.updateTable('jobs').set({ run_at: new Date(0).toISOString() }).where('id', '=', id).execute();
    await worker.runDueJobs();
    expect(runs).toEqual([1, 2]);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('skips, without retrying, a job whose subject is gone', async () => {
    const database = getDb();
    let calls = 0;
    const definition = defineJob({
      name: uniqueName('subject'),
      payload: z.object({ caseId: z.string() }),
      async handle() {
        calls++;
        return skipJob('the case no longer exists');
      },
    });
    const id = await enqueueJob(database.db, definition, { caseId: 'gone' });
    await createWorker(contextFor(database), { definitions: [definition] }).runDueJobs();
    expect(calls).toBe(1);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'skipped', last_error: 'the case no longer exists' });
  });

  it('fails a job that no definition handles', async () => {
    const database = getDb();
    const { definition } = recordingJob();
    const id = await enqueueJob(database.db, definition, { label: 'orphan' });
    await createWorker(contextFor(database), { definitions: [] }).runDueJobs();
    expect(await findJob(database.db, id)).toMatchObject({ status: 'failed' });
    expect((await findJob(database.db, id))?.last_error).toContain(definition.name);
  });

  it('claims again a job whose lease ran out, and ignores the late result of the lost worker', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob();
    const id = await enqueueJob(database.db, definition, { label: 'crashed' });
    const past = new Date(Date.now() - 1000).toISOString();
    await database.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'crashed-worker', locked_until: past }).where('id', '=', id).execute();

    const worker = createWorker(contextFor(database), { definitions: [definition], workerId: 'rescuer' });
    expect(await worker.runDueJobs()).toBe(1);
    expect(runs).toEqual(['crashed']);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'done', attempts: 2 });
    // The crashed worker comes back and reports: its lease is gone, so nothing changes.
    expect(await worker.queue.fail(id, 'crashed-worker', 'late', new Date().toISOString())).toBe(false);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'done', last_error: null });
  });

  it('does not claim a running job whose lease still holds', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob();
    const id = await enqueueJob(database.db, definition, { label: 'held' });
    const future = new Date(Date.now() + 60_000).toISOString();
    await database.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'other', locked_until: future }).where('id', '=', id).execute();
    expect(await createWorker(contextFor(database), { definitions: [definition] }).runDueJobs()).toBe(0);
    expect(runs).toEqual([]);
  });

  it('fails a job whose last attempt was lost with its worker', async () => {
    const database = getDb();
    const { definition, runs } = recordingJob({ maxAttempts: 2 });
    const id = await enqueueJob(database.db, definition, { label: 'lost' });
    const past = new Date(Date.now() - 1000).toISOString();
    await database.db.updateTable('jobs').set({ status: 'running', attempts: 2, locked_by: 'gone', locked_until: past }).where('id', '=', id).execute();
    await createWorker(contextFor(database), { definitions: [definition] }).runDueJobs();
    expect(runs).toEqual([]);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'failed' });
  });

  it('renews the lease of a long job so that no other worker takes it over', async () => {
    const database = getDb();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const definition = defineJob({
      name: uniqueName('long'),
      payload: z.object({}),
      async handle() {
        calls++;
        await gate;
      },
    });
    const id = await enqueueJob(database.db, definition, {});
    const first = createWorker(contextFor(database), { definitions: [definition], leaseMs: 200, pollMs: 20 });
    const second = createWorker(contextFor(database), { definitions: [definition], leaseMs: 200, pollMs: 20 });
    workers.push(first, second);
    first.start();
    await waitFor(() => calls === 1);
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(calls).toBe(1);
    release();
    await waitFor(async () => (await findJob(database.db, id))?.status === 'done');
  });

  it('stop() stops claiming and waits for the running job to finish', async () => {
    const database = getDb();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const definition = defineJob({
      name: uniqueName('slow'),
      payload: z.object({ label: z.string() }),
      async handle(payload) {
        started.push(payload.label);
        await gate;
      },
    });
    const firstId = await enqueueJob(database.db, definition, { label: 'first' });
    const worker = createWorker(contextFor(database), { definitions: [definition], pollMs: 20, concurrency: 1 });
    worker.start();
    await waitFor(() => started.length === 1);
    const secondId = await enqueueJob(database.db, definition, { label: 'second' });

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stopped).toBe(false);
    expect((await findJob(database.db, firstId))?.status).toBe('running');

    release();
    await stopping;
    expect(await findJob(database.db, firstId)).toMatchObject({ status: 'done' });
    expect(await findJob(database.db, secondId)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(started).toEqual(['first']);
  });

  if (dialect === 'postgres') {
    describe('several workers on one PostgreSQL database', () => {
      const extra: TestDatabase[] = [];
      afterEach(async () => {
        for (const handle of extra.splice(0)) await handle.close();
      });

      it('run each of 200 jobs exactly once between two workers', async () => {
        const database = getDb();
        const counts = new Map<string, number>();
        const byWorker = new Map<string, number>();
        const definition: JobDefinition = defineJob({
          name: uniqueName('parallel'),
          payload: z.object({ n: z.number() }),
          async handle(_payload, ctx) {
            counts.set(ctx.job.id, (counts.get(ctx.job.id) ?? 0) + 1);
            const owner = String((await findJob(ctx.db, ctx.job.id))?.locked_by);
            byWorker.set(owner, (byWorker.get(owner) ?? 0) + 1);
            await new Promise((resolve) => setTimeout(resolve, 2));
          },
        });
        await database.db.transaction().execute(async (tx) => {
          for (let n = 0; n < 200; n++) await enqueueJob(tx, definition, { n });
        });
        // A second connection pool stands in for a worker process on another machine.
        const other = openDatabase({ dialect: 'postgres', url: database.location });
        extra.push({ ...other, location: database.location });
        const a = createWorker(contextFor(database), { definitions: [definition], workerId: 'worker-a', pollMs: 10, concurrency: 4 });
        const b = createWorker(contextFor({ ...other, location: database.location }), { definitions: [definition], workerId: 'worker-b', pollMs: 10, concurrency: 4 });
        workers.push(a, b);
        a.start();
        b.start();
        await waitFor(async () => {
          const row = await database.db
            .selectFrom('jobs')
            .select(sql<number>`count(*)`.as('n'))
            .where('name', '=', definition.name)
            .where('status', '=', 'done')
            .executeTakeFirstOrThrow();
          return Number(row.n) === 200;
        }, 20_000);
        await Promise.all([a.stop(), b.stop()]);
        expect(counts.size).toBe(200);
        expect([...counts.values()].every((c) => c === 1)).toBe(true);
        expect(byWorker.get('worker-a')).toBeGreaterThan(0);
        expect(byWorker.get('worker-b')).toBeGreaterThan(0);
        const rows = await listJobsByName(database.db, definition.name);
        expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
      });
    });
  }
});
