/** One interface for every way Breachdesk sends e-mail; drivers: SMTP (by URL) and the built-in mailbox. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The tenant the message belongs to, so the built-in mailbox shows it to that organisation's admins. */
  orgId?: string | null;
  /** A deterministic Message-ID lets a resend be recognised; generated when absent. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** The server's reply, e.g. `250 2.0.0 Ok: queued`. */
  response: string;
}

export interface Mailer {
  readonly driver: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
