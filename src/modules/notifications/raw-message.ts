import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';

export interface RawMessageInput {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
}

export interface RawMessageBuilder {
  /** The envelope sender: the bare address of the From header. */
  readonly envelopeFrom: string;
  /** One complete RFC 5322 message in one buffer, so that the SMTP connection writes it in one go. */
  build(message: RawMessageInput): Buffer;
}

// A quoted-printable body never holds "=_" (a literal "=" becomes "=3D"), so this boundary cannot occur inside a part.
const boundary = '=_breachdesk_alternative';

/** Header lines must not carry a line break: a name or subject with one could otherwise add a header. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

function encodeHeader(name: string, value: string): string {
  return foldLines(`${name}: ${encodeWords(oneLine(value), 'Q', 52)}`, 76);
}

function body(content: string): string {
  return wrapQuotedPrintable(encodeQuotedPrintable(content.replace(/\r?\n/g, '\r\n')), 76);
}

/** RFC 5322 wants a numeric zone; toUTCString ends in "GMT". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function formatFrom(from: string): { header: string; address: string } {
  const parsed = addressparser(from, { flatten: true })[0];
  const address = parsed && 'address' in parsed ? (parsed.address ?? '') : '';
  if (!address || /[\s<>]/.test(address)) throw new Error(`The sender address "${from}" is not an e-mail address.`);
  const name = parsed?.name ? oneLine(parsed.name) : '';
  if (!name) return { header: `From: ${address}`, address };
  const encoded = encodeWords(name, 'Q', 52);
  const display = encoded === name && /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encoded;
  return { header: foldLines(`From: ${display} <${address}>`, 76), address };
}

/**
 * Builds the personalised message of one recipient as plain text and HTML alternatives. Only what differs per
 * person is encoded per message; the sender line is formatted once.
 */
export function createRawMessageBuilder(from: string, extraHeaders: Readonly<Record<string, string>> = {}): RawMessageBuilder {
  const sender = formatFrom(from);
  const fixed = [
    sender.header,
    ...Object.entries(extraHeaders).map(([name, value]) => encodeHeader(name, value)),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ].join('\r\n');
  return {
    envelopeFrom: sender.address,
    build(message) {
      const to = oneLine(message.to);
      if (/[\s<>,;]/.test(to) || !to.includes('@')) throw new Error('The recipient is not a single e-mail address.');
      const messageId = oneLine(message.messageId).replace(/^<|>$/g, '');
      return Buffer.from(
        [
          fixed,
          `To: ${to}`,
          encodeHeader('Subject', message.subject),
          `Date: ${rfc5322Date(message.date)}`,
          `Message-ID: <${messageId}>`,
          '',
          `--${boundary}`,
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          body(message.text),
          `--${boundary}`,
          'Content-Type: text/html; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          body(message.html),
          `--${boundary}--`,
          '',
        ].join('\r\n'),
        'utf8',
      );
    },
  };
}
