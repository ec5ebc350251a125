export { defineJob, exponentialBackoff, skipJob, type JobContext, type JobDefinition, type JobRun, type JobSkipped } from './job-definition.ts';
export { enqueueJob, type EnqueueOptions } from './enqueue-job.ts';
export { createJobQueue, type JobQueue } from './job-queue.ts';
export { createWorker, describeJobError, type Worker, type WorkerOptions } from './worker.ts';
export { findJobDefinition, jobDefinitions } from './registry.ts';
export { enqueueEmail, sendEmailJob } from './send-email.job.ts';
