import type { z } from 'zod';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { JobDefinition } from './job-definition.ts';
import { insertJob } from './jobs.repository.ts';

export interface EnqueueOptions {
  /** Not before this moment; now when absent. */
  runAt?: Date;
  /** The moment of enqueueing, from the caller's clock; the system clock when absent. */
  now?: Date;
}

/**
 * Adds a job in the caller's transaction, so that the job exists if and only if the change that causes it
 * commits. The payload is validated here, where a mistake can still be traced to its caller.
 */
export async function enqueueJob<S extends z.ZodType>(db: DbOrTx, definition: JobDefinition<S>, payload: z.input<S>, options: EnqueueOptions = {}): Promise<string> {
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('validation_failed', `The payload of job "${definition.name}" is invalid.`, {
      issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  }
  const id = newId();
  const now = options.now ?? new Date();
  await insertJob(db, {
    id,
    name: definition.name,
    payload: JSON.stringify(parsed.data),
    runAt: (options.runAt ?? now).toISOString(),
    maxAttempts: definition.maxAttempts,
    now: now.toISOString(),
  });
  return id;
}
