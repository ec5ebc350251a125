import type { JobDefinition } from './job-definition.ts';
import { sendEmailJob } from './send-email.job.ts';
import { deadlineReminderJob } from '../modules/cases/index.ts';
import { sendCampaignJob } from '../modules/notifications/index.ts';
import { lookupRequestJob } from '../modules/lookup/index.ts';
import { analyseDatasetJob } from '../modules/impact/index.ts';
import { purgeExpiredDataJob } from '../modules/retention/index.ts';
// The job's own file, not the intake index: intake imports the jobs index, which would close a cycle here.
import { reportConfirmationJob } from '../modules/intake/report-confirmation.job.ts';

/** Every job this version can run. A job name stored in the database must stay here while such jobs may exist. */
export const jobDefinitions: readonly JobDefinition[] = [sendEmailJob, deadlineReminderJob, analyseDatasetJob, lookupRequestJob, sendCampaignJob, purgeExpiredDataJob, reportConfirmationJob];

export function findJobDefinition(name: string): JobDefinition | undefined {
  return jobDefinitions.find((definition) => definition.name === name);
}
