import os from 'node:os';
import type { AppContext } from '../app-context.ts';
import type { Job } from '../db/schema.ts';
import { newSecretToken } from '../shared/ids.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';
import { createJobQueue, type JobQueue } from './job-queue.ts';
import { jobDefinitions } from './registry.ts';

export interface WorkerOptions {
  /** Shown in jobs.locked_by; unique per process by default. */
  workerId?: string;
  concurrency?: number;
  pollMs?: number;
  /** How long a claim holds before another worker may take the job over; renewed while the job runs. */
  leaseMs?: number;
  /** The definitions this worker can run; the application's registry by default. */
  definitions?: readonly JobDefinition[];
}

export interface Worker {
  readonly id: string;
  readonly queue: JobQueue;
  /** Starts polling in the background; returns at once. */
  start(): void;
  /** Stops claiming, waits for the jobs it holds to finish, then resolves. */
  stop(): Promise<void>;
  /** Runs every job that is due now (and any that become due meanwhile) and resolves with how many ran. */
  runDueJobs(): Promise<number>;
}

const defaultLeaseMs = 5 * 60_000;
const maxErrorLength = 2000;

/** Only the error's own message is kept: no stack, no payload, so no personal data beyond what it says. */
export function describeJobError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `non-error value thrown (${typeof error})`;
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}

export function createWorker(ctx: AppContext, options: WorkerOptions = {}): Worker {
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${newSecretToken(4)}`;
  const concurrency = options.concurrency ?? ctx.config.JOBS_CONCURRENCY;
  const pollMs = options.pollMs ?? ctx.config.JOBS_POLL_MS;
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const definitions = new Map((options.definitions ?? jobDefinitions).map((d) => [d.name, d]));
  const queue = createJobQueue(ctx.database);
  const logger = ctx.logger.child({ worker: id });
  const now = () => ctx.clock.now();

  const active = new Set<Promise<void>>();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;

  async function claim(limit: number): Promise<Job[]> {
    const at = now();
    return queue.claim({ workerId: id, limit, now: at.toISOString(), lockedUntil: new Date(at.getTime() + leaseMs).toISOString() });
  }

  async function settle(what: string, action: () => Promise<boolean>): Promise<void> {
    try {
      if (!(await action())) logger.warn({ what }, 'job was taken over by another worker after its lease ran out; result not recorded');
    } catch (error) {
      // The lease runs out and the job is claimed again; nothing is lost.
      logger.error({ what, error: describeJobError(error) }, 'could not record the outcome of a job');
    }
  }

  async function runJob(job: Job): Promise<void> {
    const log = logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const at = () => now().toISOString();
    const definition = definitions.get(job.name);
    if (!definition) {
      log.error('no handler for this job');
      return settle(job.id, () => queue.fail(job.id, id, `No handler for job "${job.name}" in this version of Breachdesk.`, at()));
    }
    if (job.attempts > job.max_attempts) {
      return settle(job.id, () => queue.fail(job.id, id, 'The worker running the last attempt stopped before it finished.', at()));
    }
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      payload = undefined;
    }
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(payload)'))].join(', ');
      return settle(job.id, () => queue.fail(job.id, id, `The stored payload does not match the job's schema (${fields}).`, at()));
    }

    const renew = setInterval(() => {
      const t = now();
      void queue
        .extendLease(job.id, id, new Date(t.getTime() + leaseMs).toISOString(), t.toISOString())
        .catch((error: unknown) => log.warn({ error: describeJobError(error) }, 'could not renew the lease'));
    }, Math.max(10, Math.floor(leaseMs / 2)));
    const jobCtx: JobContext = { ...ctx, logger: log, job: { id: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.max_attempts } };
    try {
      const outcome = await definition.handle(parsed.data, jobCtx);
      clearInterval(renew);
      if (outcome?.skipped) {
        log.info({ reason: outcome.reason }, 'job skipped');
        await settle(job.id, () => queue.skip(job.id, id, outcome.reason, at()));
      } else {
        await settle(job.id, () => queue.complete(job.id, id, at()));
      }
    } catch (error) {
      clearInterval(renew);
      const message = describeJobError(error);
      if (job.attempts >= job.max_attempts) {
        log.error({ error: message }, 'job failed for good');
        await settle(job.id, () => queue.fail(job.id, id, message, at()));
      } else {
        const runAt = new Date(now().getTime() + Math.max(0, definition.backoff(job.attempts))).toISOString();
        log.warn({ error: message, retryAt: runAt }, 'job failed; will retry');
        await settle(job.id, () => queue.retry(job.id, id, message, runAt, at()));
      }
    }
  }

  function track(job: Job): Promise<void> {
    const running = runJob(job).finally(() => {
      active.delete(running);
      wake?.();
    });
    active.add(running);
    return running;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function loop(): Promise<void> {
    while (state === 'running') {
      const free = concurrency - active.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await claim(free);
          claimed = jobs.length;
          for (const job of jobs) void track(job);
        } catch (error) {
          logger.error({ error: describeJobError(error) }, 'could not claim jobs; trying again after the poll interval');
        }
      }
      if (state !== 'running') break;
      // A full batch suggests more are due: claim again at once (or as soon as a slot frees).
      if (free > 0 && claimed === free && active.size < concurrency) continue;
      await sleep(pollMs);
    }
  }

  return {
    id,
    queue,
    start() {
      if (state !== 'idle') throw new Error(`worker ${id} was already started`);
      state = 'running';
      logger.info({ driver: queue.driver, concurrency, pollMs }, 'job worker started');
      loopDone = loop();
    },
    async stop() {
      if (state === 'running') state = 'stopping';
      wake?.();
      await loopDone;
      while (active.size > 0) await Promise.allSettled([...active]);
      if (state === 'stopping') logger.info('job worker stopped');
      state = 'stopped';
    },
    async runDueJobs() {
      let ran = 0;
      for (;;) {
        const jobs = await claim(concurrency);
        if (jobs.length === 0) return ran;
        ran += jobs.length;
        await Promise.all(jobs.map(track));
      }
    },
  };
}
