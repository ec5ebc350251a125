import type { DatabaseHandle } from '../db/database.ts';
import type { Job } from '../db/schema.ts';
import { claimDueJobsPostgres, claimDueJobsSqlite, extendLease, finishJob, requeueJob, type ClaimRequest } from './jobs.repository.ts';

/**
 * The queue as a worker sees it. Two drivers, chosen by dialect: `embedded` polls the SQLite file of the
 * same process; `postgres` lets any number of worker processes share one database.
 */
export interface JobQueue {
  readonly driver: 'embedded' | 'postgres';
  claim(request: ClaimRequest): Promise<Job[]>;
  extendLease(id: string, workerId: string, lockedUntil: string, now: string): Promise<boolean>;
  complete(id: string, workerId: string, now: string): Promise<boolean>;
  skip(id: string, workerId: string, reason: string, now: string): Promise<boolean>;
  fail(id: string, workerId: string, error: string, now: string): Promise<boolean>;
  retry(id: string, workerId: string, error: string, runAt: string, now: string): Promise<boolean>;
}

export function createJobQueue(database: Pick<DatabaseHandle, 'db' | 'dialect'>): JobQueue {
  const { db } = database;
  const shared = {
    extendLease: (id: string, workerId: string, lockedUntil: string, now: string) => extendLease(db, id, workerId, lockedUntil, now),
    complete: (id: string, workerId: string, now: string) => finishJob(db, id, workerId, { status: 'done', lastError: null, now }),
    skip: (id: string, workerId: string, reason: string, now: string) => finishJob(db, id, workerId, { status: 'skipped', lastError: reason, now }),
    fail: (id: string, workerId: string, error: string, now: string) => finishJob(db, id, workerId, { status: 'failed', lastError: error, now }),
    retry: (id: string, workerId: string, error: string, runAt: string, now: string) => requeueJob(db, id, workerId, { runAt, lastError: error, now }),
  };
  if (database.dialect === 'postgres') {
    return { driver: 'postgres', claim: (request) => claimDueJobsPostgres(db, request), ...shared };
  }
  return { driver: 'embedded', claim: (request) => claimDueJobsSqlite(db, request), ...shared };
}
