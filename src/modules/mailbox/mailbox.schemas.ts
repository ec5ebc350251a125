import { z } from 'zod';

export const listMailboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const mailboxMessageParams = z.object({ id: z.string().min(1).max(100) });

export const mailboxSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.string(),
});

export const listMailboxResponse = z.object({
  driver: z.enum(['mailbox', 'smtp']),
  messages: z.array(mailboxSummary),
});

export const mailboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export type MailboxSummary = z.infer<typeof mailboxSummary>;
export type MailboxListing = z.infer<typeof listMailboxResponse>;
export type MailboxMessage = z.infer<typeof mailboxMessage>;
