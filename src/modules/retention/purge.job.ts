import { z } from 'zod';
import type { DbOrTx } from '../../db/database.ts';
import { defineJob, enqueueJob } from '../../jobs/index.ts';
import { findQueuedJobOfName } from './purge-schedule.repository.ts';
import { purgeExpiredCases } from './purge.service.ts';
import { nextDailyRun } from './retention-policy.ts';

/**
 * The daily purge. Each run queues the next one before it ends, so the schedule lives in the job table
 * like any other job and survives restarts; ensurePurgeScheduled starts the chain on a fresh database.
 */
export const purgeExpiredDataJob = defineJob({
  name: 'purge-expired-data',
  payload: z.object({}),
  maxAttempts: 3,
  async handle(_payload, ctx) {
    const report = await purgeExpiredCases(ctx);
    ctx.logger.info({ purgedCases: report.cases.length }, 'purge of expired personal data done');
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (tx) => {
      if (!(await findQueuedJobOfName(tx, purgeExpiredDataJob.name, ctx.job.id))) await enqueueJob(tx, purgeExpiredDataJob, {}, { runAt: nextDailyRun(now), now });
    });
  },
});

/** Queues the daily purge unless one is already waiting. */
export async function ensurePurgeScheduled(db: DbOrTx, now: Date): Promise<void> {
  if (await findQueuedJobOfName(db, purgeExpiredDataJob.name)) return;
  await enqueueJob(db, purgeExpiredDataJob, {}, { runAt: nextDailyRun(now), now });
}
