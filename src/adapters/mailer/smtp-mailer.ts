import nodemailer from 'nodemailer';
import { newId } from '../../shared/ids.ts';
import type { Mailer, OutgoingMail, SentMail } from './mailer.ts';

export interface SmtpOptions {
  url: string;
  from: string;
  /** Pooled connections for bulk sending; one connection is enough for transactional mail. */
  maxConnections?: number;
  maxMessages?: number;
  rateDelta?: number;
  rateLimit?: number;
}

export function createSmtpMailer(options: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 2,
    maxMessages: options.maxMessages ?? 100,
    ...(options.rateLimit ? { rateDelta: options.rateDelta ?? 1000, rateLimit: options.rateLimit } : {}),
  });
  const domain = (options.from.match(/@([^>\s]+)/)?.[1] ?? 'breachdesk.local').toLowerCase();
  return {
    driver: 'smtp',
    async send(mail: OutgoingMail): Promise<SentMail> {
      const messageId = mail.messageId ?? `<${newId()}@${domain}>`;
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return { messageId, response: String(info.response ?? '') };
    },
    async close() {
      transport.close();
    },
  };
}
