import { z } from 'zod';
// Not the jobs index: the job registry imports this file, and the index would lead back to the registry.
import { defineJob, exponentialBackoff, skipJob } from '../../jobs/job-definition.ts';
import { confirmationMail } from './confirmation-mail.ts';
import { createReportOpener } from './report-keys.ts';
import { findOrganisationForIntake, findReportById } from './reports.repository.ts';

/**
 * The receipt to a reporter who left an e-mail address. The job carries only the report's id and reads the
 * address from the report when it runs, so the address is stored once, encrypted, and never in the job
 * table; a report whose contact details were purged meanwhile gets no mail.
 */
export const reportConfirmationJob = defineJob({
  name: 'send-report-confirmation',
  payload: z.object({ reportId: z.string().min(1) }),
  maxAttempts: 8,
  backoff: exponentialBackoff({ baseMs: 60_000, maxMs: 60 * 60_000 }),
  async handle({ reportId }, ctx) {
    const stored = await findReportById(ctx.db, reportId);
    if (!stored) return skipJob('the report is gone');
    const report = await createReportOpener(ctx.db, ctx.config)(stored);
    if (!report.reporter_email) return skipJob('the report has no e-mail address');
    const organisation = await findOrganisationForIntake(ctx.db, report.org_id);
    const mail = confirmationMail({ reference: report.reference, organisationName: organisation?.name ?? '', locale: report.locale });
    // The same Message-ID on every attempt lets a duplicate after a lost SMTP reply be recognised.
    const domain = (/@([^>\s]+)/.exec(ctx.config.MAIL_FROM)?.[1] ?? 'breachdesk.local').toLowerCase();
    const sent = await ctx.mailer.send({ ...mail, to: report.reporter_email, orgId: report.org_id, messageId: `<${ctx.job.id}@${domain}>` });
    ctx.logger.info({ messageId: sent.messageId, driver: ctx.mailer.driver }, 'report confirmation handed over');
  },
});
