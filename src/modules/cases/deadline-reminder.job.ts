import { z } from 'zod';
import type { DbOrTx } from '../../db/database.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { defineJob, skipJob } from '../../jobs/job-definition.ts';
import { enqueueEmail } from '../../jobs/send-email.job.ts';
import { formatDeadline, obligationIdSchema, obligationLabels, type ObligationId } from '../clocks/index.ts';
import { loadCaseDeadlines, openDeadlines } from './case-clocks.service.ts';
import type { DeadlineRow } from './case-deadlines.ts';
import { findAssignableUser, findCaseById, findOrganisationRow, hasQueuedJob } from './cases.repository.ts';

/** Reminders go out this many hours before each deadline that is still open. */
export const reminderHoursBefore = [24, 6, 1] as const;

export const deadlineReminderPayload = z.object({
  caseId: z.string().min(1),
  obligation: obligationIdSchema,
  dueAt: z.iso.datetime(),
  hoursBefore: z.number().int().positive(),
});

/**
 * Mails the case owner that a deadline is near. The job reloads the case and recomputes its clocks: if the
 * deadline moved, was met or the case was closed since the reminder was planned, it is skipped, so a stale
 * reminder never reaches anyone.
 */
export const deadlineReminderJob = defineJob({
  name: 'deadline-reminder',
  payload: deadlineReminderPayload,
  maxAttempts: 3,
  async handle(payload, ctx) {
    const row = await findCaseById(ctx.db, payload.caseId);
    if (!row) return skipJob('case no longer exists');
    if (row.state === 'closed') return skipJob('case is closed');
    const organisation = await findOrganisationRow(ctx.db, row.org_id);
    const deadlines = await loadCaseDeadlines(ctx.db, row, ctx.clock.now(), organisation);
    if (!stillOpen(deadlines, payload.obligation, payload.dueAt)) return skipJob('deadline moved or was met');
    if (!row.owner_user_id) return skipJob('case has no owner');
    const owner = await findAssignableUser(ctx.db, row.org_id, row.owner_user_id);
    if (!owner) return skipJob('owner can no longer be reached');
    const timeZone = organisation?.time_zone ?? ctx.config.TIME_ZONE;
    const mail = reminderMail(owner.locale, { reference: row.reference, title: row.title, obligation: payload.obligation, dueAt: payload.dueAt, hoursBefore: payload.hoursBefore, timeZone });
    await ctx.db.transaction().execute((tx) => enqueueEmail(tx, { to: owner.email, orgId: row.org_id, ...mail }, { now: ctx.clock.now() }));
  },
});

function stillOpen(deadlines: readonly DeadlineRow[], obligation: ObligationId, dueAt: string): boolean {
  const dueMs = Date.parse(dueAt);
  return deadlines.some((d) => d.obligation === obligation && d.status === 'open' && d.dueAt !== null && Date.parse(d.dueAt) === dueMs);
}

export function reminderMail(
  locale: 'nl' | 'en',
  input: { reference: string; title: string; obligation: ObligationId; dueAt: string; hoursBefore: number; timeZone: string },
): { subject: string; text: string } {
  const label = obligationLabels[input.obligation][locale];
  const when = formatDeadline(input.dueAt, input.timeZone, locale);
  if (locale === 'nl') {
    return {
      subject: `[${input.reference}] Nog ${input.hoursBefore} uur: ${label.title}`,
      text: `Zaak ${input.reference} (${input.title}): de termijn "${label.title}" verloopt op ${when}.\n\n${label.summary}\n`,
    };
  }
  return {
    subject: `[${input.reference}] ${input.hoursBefore} ${input.hoursBefore === 1 ? 'hour' : 'hours'} left: ${label.title}`,
    text: `Case ${input.reference} (${input.title}): the deadline "${label.title}" is due ${when}.\n\n${label.summary}\n`,
  };
}

/**
 * Plans reminders for every open deadline, in the caller's transaction. Called whenever a case's clocks may
 * have changed; reminders planned earlier stay queued and skip themselves if they no longer match.
 */
export async function scheduleDeadlineReminders(tx: DbOrTx, caseId: string, deadlines: readonly DeadlineRow[], now: Date): Promise<number> {
  let planned = 0;
  for (const deadline of openDeadlines(deadlines)) {
    for (const hoursBefore of reminderHoursBefore) {
      const runAt = new Date(Date.parse(deadline.dueAt) - hoursBefore * 3_600_000);
      if (runAt.getTime() <= now.getTime()) continue;
      const payload = deadlineReminderPayload.parse({ caseId, obligation: deadline.obligation, dueAt: deadline.dueAt, hoursBefore });
      if (await hasQueuedJob(tx, deadlineReminderJob.name, JSON.stringify(payload))) continue;
      await enqueueJob(tx, deadlineReminderJob, payload, { runAt, now });
      planned += 1;
    }
  }
  return planned;
}
