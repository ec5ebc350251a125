import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../shared/time.ts';
import { createMailboxMailer } from './mailbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

export type { Mailer, OutgoingMail, SentMail } from './mailer.ts';

export function createMailer(config: Config, db: Db, clock: Clock) {
  return config.MAIL_URL ? createSmtpMailer({ url: config.MAIL_URL, from: config.MAIL_FROM }) : createMailboxMailer(db, clock, config.MAIL_FROM);
}
