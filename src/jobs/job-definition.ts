import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import type { Logger } from '../shared/logger.ts';

/** What a handler learns about the run it is part of, besides the application's dependencies. */
export interface JobRun {
  id: string;
  name: string;
  /** 1 on the first run, counting every claim (a run lost with a crashed worker counts too). */
  attempt: number;
  maxAttempts: number;
}

export interface JobContext extends AppContext {
  job: JobRun;
  logger: Logger;
}

/** A handler returns this when its subject is gone: the job ends as skipped, not failed, and is not retried. */
export interface JobSkipped {
  skipped: true;
  reason: string;
}

export function skipJob(reason: string): JobSkipped {
  return { skipped: true, reason };
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: S;
  readonly maxAttempts: number;
  /** Milliseconds to wait before the next attempt, after `attempt` (1-based) has failed. */
  backoff(attempt: number): number;
  handle(payload: z.output<S>, ctx: JobContext): Promise<JobSkipped | void>;
}

export interface JobDefinitionInput<S extends z.ZodType> {
  name: string;
  payload: S;
  maxAttempts?: number;
  backoff?: (attempt: number) => number;
  handle(payload: z.output<S>, ctx: JobContext): Promise<JobSkipped | void>;
}

/** Doubling delays from `baseMs`, capped at `maxMs`: 30 s, 1 min, 2 min, ... by default. */
export function exponentialBackoff(options: { baseMs?: number; maxMs?: number } = {}): (attempt: number) => number {
  const base = options.baseMs ?? 30_000;
  const max = options.maxMs ?? 60 * 60_000;
  return (attempt) => Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

const jobNamePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineJob<S extends z.ZodType>(input: JobDefinitionInput<S>): JobDefinition<S> {
  if (!jobNamePattern.test(input.name)) throw new Error(`Job name "${input.name}" must be kebab-case`);
  const maxAttempts = input.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`Job "${input.name}": maxAttempts must be a positive integer`);
  return {
    name: input.name,
    payload: input.payload,
    maxAttempts,
    backoff: input.backoff ?? exponentialBackoff(),
    handle: input.handle,
  };
}
