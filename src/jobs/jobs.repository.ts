import { sql } from 'kysely';
import type { DbOrTx, Db } from '../db/database.ts';
import type { Job } from '../db/schema.ts';

export interface ClaimRequest {
  workerId: string;
  limit: number;
  now: string;
  lockedUntil: string;
}

export async function insertJob(db: DbOrTx, job: { id: string; name: string; payload: string; runAt: string; maxAttempts: number; now: string }): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: job.id,
      name: job.name,
      payload: job.payload,
      status: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: job.now,
      updated_at: job.now,
    })
    .execute();
}

/** A job is due when it waits for its time, or when the worker that held it let its lease run out. */
function isDue(now: string) {
  return sql<boolean>`((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))`;
}

/**
 * The ids of due jobs, read one state at a time so that each read walks the (status, run_at) index in order
 * and stops at the limit: with one OR over both states, or a tie-breaker the index does not hold, the database
 * sorts every due job on every claim, which a queue of tens of thousands of lookups turns into the worker's
 * main cost. Expired leases first: their jobs have waited longest.
 */
async function dueJobIds(db: DbOrTx, request: ClaimRequest, lock: boolean): Promise<string[]> {
  const expired = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'running')
    .where('locked_until', '<', request.now)
    .orderBy('status')
    .orderBy('run_at')
    .limit(request.limit);
  const expiredIds = (await (lock ? expired.forUpdate().skipLocked() : expired).execute()).map((r) => r.id);
  if (expiredIds.length >= request.limit) return expiredIds;
  const queued = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_at', '<=', request.now)
    .orderBy('status')
    .orderBy('run_at')
    .limit(request.limit - expiredIds.length);
  const queuedIds = (await (lock ? queued.forUpdate().skipLocked() : queued).execute()).map((r) => r.id);
  return [...expiredIds, ...queuedIds];
}

function claimUpdate(db: DbOrTx, request: ClaimRequest, ids: string[]) {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: request.workerId,
      locked_until: request.lockedUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: request.now,
    }))
    .where('id', 'in', ids);
}

/**
 * SQLite: the due ids are read, then claimed with one UPDATE ... RETURNING that repeats the due-condition, so
 * a job another process claimed in between is left alone and never claimed twice.
 */
export async function claimDueJobsSqlite(db: Db, request: ClaimRequest): Promise<Job[]> {
  const ids = await dueJobIds(db, request, false);
  if (ids.length === 0) return [];
  return claimUpdate(db, request, ids).where(isDue(request.now)).returningAll().execute();
}

/**
 * PostgreSQL: FOR UPDATE SKIP LOCKED lets workers in several processes pick disjoint batches without waiting
 * on each other; the rows stay locked until this transaction commits the claim.
 */
export async function claimDueJobsPostgres(db: Db, request: ClaimRequest): Promise<Job[]> {
  return db.transaction().execute(async (tx) => {
    const ids = await dueJobIds(tx, request, true);
    if (ids.length === 0) return [];
    return claimUpdate(tx, request, ids).returningAll().execute();
  });
}

/** Every update of a claimed job names the worker: a worker whose lease was taken over changes nothing. */
export async function extendLease(db: DbOrTx, id: string, workerId: string, lockedUntil: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: lockedUntil, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishJob(
  db: DbOrTx,
  id: string,
  workerId: string,
  change: { status: 'done' | 'skipped' | 'failed'; lastError: string | null; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: change.status, last_error: change.lastError, locked_by: null, locked_until: null, updated_at: change.now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function requeueJob(db: DbOrTx, id: string, workerId: string, change: { runAt: string; lastError: string; now: string }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', run_at: change.runAt, last_error: change.lastError, locked_by: null, locked_until: null, updated_at: change.now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findJob(db: DbOrTx, id: string): Promise<Job | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJobsByName(db: DbOrTx, name: string): Promise<Job[]> {
  return db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('created_at').orderBy('id').execute();
}
