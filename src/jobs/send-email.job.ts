import { z } from 'zod';
import type { DbOrTx } from '../db/database.ts';
import type { OutgoingMail } from '../adapters/mailer/mailer.ts';
import { enqueueJob, type EnqueueOptions } from './enqueue-job.ts';
import { defineJob, exponentialBackoff } from './job-definition.ts';

export const sendEmailPayload = z.object({
  to: z.string().trim().min(3).max(998),
  subject: z.string().max(998),
  text: z.string(),
  html: z.string().optional(),
  orgId: z.string().nullable().optional(),
  messageId: z.string().min(3).optional(),
  headers: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<OutgoingMail>;

function domainOf(from: string): string {
  return (from.match(/@([^>\s]+)/)?.[1] ?? 'breachdesk.local').toLowerCase();
}

export const sendEmailJob = defineJob({
  name: 'send-email',
  payload: sendEmailPayload,
  maxAttempts: 8,
  backoff: exponentialBackoff({ baseMs: 60_000, maxMs: 60 * 60_000 }),
  async handle(mail, ctx) {
    // The same Message-ID on every attempt lets a duplicate after a lost SMTP reply be recognised.
    const messageId = mail.messageId ?? `<${ctx.job.id}@${domainOf(ctx.config.MAIL_FROM)}>`;
    const sent = await ctx.mailer.send({ ...mail, messageId });
    ctx.logger.info({ messageId: sent.messageId, driver: ctx.mailer.driver }, 'e-mail handed over');
  },
});

/** Queues one e-mail in the caller's transaction; it is sent after commit, with retries. Returns the job id. */
export function enqueueEmail(db: DbOrTx, mail: OutgoingMail, options: EnqueueOptions = {}): Promise<string> {
  return enqueueJob(db, sendEmailJob, mail, options);
}
