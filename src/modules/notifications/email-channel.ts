import nodemailer from 'nodemailer';
import type { Mailer } from '../../adapters/mailer/index.ts';
import { createRawMessageBuilder } from './raw-message.ts';
import { classifySmtpError, type SendOutcome } from './recipient-routing.ts';

export interface ChannelMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface EmailChannel {
  send(message: ChannelMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}

export interface SmtpChannelOptions {
  url: string;
  from: string;
  /** Parallel SMTP connections; the sending process, not the server, is usually the limit (see docs/sending.md). */
  maxConnections?: number;
  /** Messages per connection before it is renewed. */
  maxMessages?: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** Seconds to wait for the reply after the data; a timeout then makes the message "unknown", not failed. */
  socketTimeoutSeconds?: number;
}

/** Bulk e-mail over nodemailer's pooled transport; STARTTLS, TLS (smtps://) and auth come from the URL. */
export function createSmtpChannel(options: SmtpChannelOptions): EmailChannel {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 10,
    maxMessages: options.maxMessages ?? 1000,
    socketTimeout: (options.socketTimeoutSeconds ?? 60) * 1000,
    ...(options.dkim ? { dkim: options.dkim } : {}),
  });
  const messages = createRawMessageBuilder(options.from, { 'Auto-Submitted': 'auto-generated' });
  return {
    async send(message) {
      try {
        // A prebuilt message is written to the socket in one piece; a composed one goes out in many small writes.
        const raw = messages.build({ ...message, date: new Date() });
        const info = await transport.sendMail({ envelope: { from: messages.envelopeFrom, to: [message.to] }, raw, messageId: message.messageId });
        return { kind: 'accepted', response: String(info.response ?? '250') };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** Without an SMTP server configured the application's own mailer (the built-in mailbox) receives the wave. */
export function createMailerChannel(mailer: Mailer, orgId: string): EmailChannel {
  return {
    async send(message) {
      try {
        const sent = await mailer.send({ to: message.to, subject: message.subject, text: message.text, html: message.html, messageId: message.messageId, orgId });
        return { kind: 'accepted', response: sent.response || '250' };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {},
  };
}
