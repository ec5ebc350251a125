import { z } from 'zod';
import { channels } from './notifications.types.ts';

/** A batch of letters: small enough to print, fold and check in one go, and to post back as a list. */
export const lettersQuery = z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(1000) });

export const lettersPrintedBody = z.object({
  /** The `reference` column of letters.csv (the number printed at the foot of each letter). */
  references: z.array(z.string().min(1).max(100)).min(1).max(10_000),
});

export const lettersPrintedView = z.object({
  /** Moved to accepted now. */
  printed: z.number(),
  /** Already marked before: these were handed over twice and must be taken out of the batch. */
  alreadyPrinted: z.array(z.string()),
  /** Not a letter of this campaign. */
  unknown: z.array(z.string()),
});
export type LettersPrintedView = z.infer<typeof lettersPrintedView>;

export const reportQuery = z.object({
  /** `yes` adds the address each failed channel used; the export is audited either way. */
  contact: z.enum(['yes', 'no']).default('no'),
});

export const testSendBody = z.object({
  personId: z.string().min(1).max(100).optional(),
  language: z.enum(['nl', 'en']),
});

export const testSendView = z.object({ to: z.string(), subject: z.string(), channel: z.literal('email') });

/** RFC 3464's status code: class 2 delivered, 4 delayed (the server keeps trying), 5 failed for good. */
export const dsnStatus = z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'an RFC 3464 status such as 5.1.1');

export const bounceBody = z.object({
  messageId: z.string().min(3).max(998),
  status: dsnStatus,
  reason: z.string().max(1000).default(''),
});
export type BounceInput = z.input<typeof bounceBody>;

export const bounceView = z.object({
  /** The outbox row. */
  reference: z.string(),
  /** What the notice did: bounced (no channel left), fallen_back, accepted (a delivery confirmed an unknown) or unchanged. */
  outcome: z.enum(['bounced', 'fallen_back', 'accepted', 'unchanged']),
  state: z.string(),
  fallbackChannel: z.enum(channels).nullable(),
});
export type BounceView = z.infer<typeof bounceView>;
