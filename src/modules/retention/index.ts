export { purgeExpiredCases, setRetentionDays, maxRetentionDays, type PurgeReport, type PurgedCase, type PurgeDeps } from './purge.service.ts';
export { purgeSteps, type PurgeStep, type PurgeTarget, type PurgeStepContext } from './purge-steps.ts';
export { purgeExpiredDataJob, ensurePurgeScheduled } from './purge.job.ts';
export { defaultRetentionDays, isDueForPurge } from './retention-policy.ts';
