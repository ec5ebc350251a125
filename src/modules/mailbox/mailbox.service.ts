import type { Mailer } from '../../adapters/mailer/mailer.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../shared/app-error.ts';
import { canReadMailbox } from './mailbox.policy.ts';
import type { MailboxListing, MailboxMessage } from './mailbox.schemas.ts';
import { findMessageOfOrg, listMessagesOfOrg } from './mailbox.repository.ts';

export interface MailboxDeps {
  db: DbOrTx;
  mailer: Pick<Mailer, 'driver'>;
}

/**
 * The messages the built-in mail driver kept for the actor's organisation, newest first. With the SMTP
 * driver the list holds what was stored before SMTP was configured; `driver` tells the UI which is active.
 */
export async function listMailbox(deps: MailboxDeps, actor: Actor, options: { limit: number }): Promise<MailboxListing> {
  if (!canReadMailbox(actor)) throw notFound('mailbox');
  const rows = await listMessagesOfOrg(deps.db, actor.orgId, options.limit);
  return {
    driver: deps.mailer.driver,
    messages: rows.map((row) => ({ id: row.id, to: row.to_address, subject: row.subject, createdAt: row.created_at })),
  };
}

/** One message of the actor's organisation; another organisation's message answers exactly like a missing one. */
export async function getMailboxMessage(deps: MailboxDeps, actor: Actor, id: string): Promise<MailboxMessage> {
  if (!canReadMailbox(actor)) throw notFound('message');
  const row = await findMessageOfOrg(deps.db, actor.orgId, id);
  if (!row) throw notFound('message');
  return { id: row.id, to: row.to_address, from: row.from_address, subject: row.subject, text: row.text_body, createdAt: row.created_at };
}
