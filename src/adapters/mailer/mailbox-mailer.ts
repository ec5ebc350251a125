import type { Db } from '../../db/database.ts';
import { newId } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import type { Mailer, OutgoingMail, SentMail } from './mailer.ts';

/** The zero-configuration driver: messages stay in the database and admins read them in the app. */
export function createMailboxMailer(db: Db, clock: Clock, from: string): Mailer {
  return {
    driver: 'mailbox',
    async send(mail: OutgoingMail): Promise<SentMail> {
      const id = newId();
      const messageId = mail.messageId ?? `<${id}@breachdesk.mailbox>`;
      await db
        .insertInto('mailbox_messages')
        .values({
          id,
          org_id: mail.orgId ?? null,
          message_id: messageId,
          from_address: from,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html ?? null,
          created_at: clock.now().toISOString(),
        })
        .execute();
      return { messageId, response: '250 stored in the built-in mailbox' };
    },
    async close() {},
  };
}
