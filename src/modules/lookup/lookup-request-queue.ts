import type { Db } from '../../db/database.ts';
import { enqueueJob } from '../../jobs/index.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Clock } from '../../shared/time.ts';
import { lookupRequestJob, type LookupRequestPayload } from './lookup-request.job.ts';

export interface LookupQueueOptions {
  /** Accepted lookups held in memory at most; beyond it a lookup is dropped, with the same answer. */
  maxPending: number;
  /** Jobs written per transaction. */
  batchSize: number;
  /** How long an accepted lookup waits in memory at most before it is written. */
  flushEveryMs: number;
}

export const defaultLookupQueueOptions: LookupQueueOptions = { maxPending: 100_000, batchSize: 1_000, flushEveryMs: 100 };

export interface LookupRequestQueue {
  /** Takes a lookup for writing later; false when the queue is full and the lookup is dropped. */
  offer(payload: LookupRequestPayload): boolean;
  /** Writes everything accepted so far, one transaction per batch. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left: called when the web server shuts down. */
  close(): Promise<void>;
  pending(): number;
}

/**
 * Accepted lookups wait in memory and are written as jobs in batches, one transaction each, so the public
 * request never waits for a database write: with SQLite's single writer, a write per request was what held
 * a rush to a few hundred requests per second. The price: a process that dies without shutting down loses
 * what it accepted in the last flush interval (the person sees the usual answer, gets no message, and can
 * simply ask again). A graceful stop writes everything first.
 */
export function createLookupRequestQueue(deps: { db: Db; clock: Clock; logger: Logger }, options: LookupQueueOptions = defaultLookupQueueOptions): LookupRequestQueue {
  let queue: LookupRequestPayload[] = [];
  let running: Promise<void> | null = null;
  let dropped = 0;
  let closed = false;

  async function writeBatches(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, options.batchSize);
      queue = queue.slice(batch.length);
      const now = deps.clock.now();
      try {
        await deps.db.transaction().execute(async (tx) => {
          for (const payload of batch) await enqueueJob(tx, lookupRequestJob, payload, { now });
        });
      } catch (error) {
        // The database is away for a moment: keep the batch (within the bound) and try again on the next tick.
        queue = [...batch, ...queue].slice(0, options.maxPending);
        deps.logger.error({ err: error, waiting: queue.length }, 'could not write accepted lookups; will retry');
        return;
      }
    }
    if (dropped > 0) {
      deps.logger.warn({ dropped }, 'lookup queue was full: lookups dropped with the usual answer');
      dropped = 0;
    }
  }

  function flush(): Promise<void> {
    running ??= writeBatches().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void flush(), options.flushEveryMs);
  timer.unref();

  return {
    offer(payload) {
      if (closed || queue.length >= options.maxPending) {
        dropped += 1;
        return false;
      }
      queue.push(payload);
      if (queue.length >= options.batchSize && !running) void flush();
      return true;
    },
    async flush() {
      // A flush that was already running may have started before the latest lookups arrived.
      if (running) await running;
      await flush();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      if (running) await running;
      await flush();
    },
    pending: () => queue.length,
  };
}
