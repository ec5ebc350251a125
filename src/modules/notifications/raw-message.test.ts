import { describe, expect, it } from 'vitest';
import { createRawMessageBuilder } from './raw-message.ts';

const message = {
  to: 'zoe@example.test',
  subject: 'Datalek bij Télécom: uw gegevens',
  text: 'Beste Zoë,\n\nHet gaat om uw naam = en IBAN.  \nGroet',
  html: '<p>Beste Zoë</p>',
  messageId: 'c1.p1.email@bench.test',
  date: new Date('2026-03-01T10:00:00Z'),
};

/** RFC 2045 decoding, written out here so that the test does not trust the encoder's own library. */
function decodeQuotedPrintable(encoded: string): Buffer {
  const bytes: number[] = [];
  const source = encoded.replace(/=\r\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '=') {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(source.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

function split(raw: Buffer): { headers: string; parts: string[] } {
  const source = raw.toString('utf8');
  const end = source.indexOf('\r\n\r\n');
  const boundary = /boundary="([^"]+)"/.exec(source.slice(0, end))![1]!;
  const parts = source
    .slice(end + 4)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => p.slice(p.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, ''));
  return { headers: source.slice(0, end), parts };
}

describe('createRawMessageBuilder', () => {
  it('builds a multipart message whose parts decode back to the personalised text and HTML', () => {
    const builder = createRawMessageBuilder('Breachdesk Télécom <noreply@bench.test>', { 'Auto-Submitted': 'auto-generated' });
    expect(builder.envelopeFrom).toBe('noreply@bench.test');
    const { headers, parts } = split(builder.build(message));
    expect(headers).toContain('To: zoe@example.test');
    expect(headers).toContain('Message-ID: <c1.p1.email@bench.test>');
    expect(headers).toContain('Date: Sun, 01 Mar 2026 10:00:00 +0000');
    expect(headers).toContain('Auto-Submitted: auto-generated');
    expect(headers).toMatch(/^From: Breachdesk =\?UTF-8\?Q\?T=C3=A9l=C3=A9com\?= <noreply@bench.test>/m);
    expect(headers).not.toMatch(/[^\x20-\x7e\r\n]/);
    expect(parts).toHaveLength(2);
    expect(decodeQuotedPrintable(parts[0]!).toString('utf8')).toBe(message.text.replace(/\n/g, '\r\n'));
    expect(decodeQuotedPrintable(parts[1]!).toString('utf8')).toBe(message.html);
  });

  it('keeps a line break in the subject from adding a header', () => {
    const builder = createRawMessageBuilder('noreply@bench.test');
    const { headers } = split(builder.build({ ...message, subject: 'Hallo\r\nBcc: everyone@example.test' }));
    expect(headers).not.toMatch(/^Bcc:/m);
    expect(headers).toContain('Subject: Hallo Bcc: everyone@example.test');
  });

  it('refuses a recipient that is not one address and a sender without an address', () => {
    const builder = createRawMessageBuilder('noreply@bench.test');
    expect(() => builder.build({ ...message, to: 'a@example.test, b@example.test' })).toThrow(/single e-mail address/);
    expect(() => createRawMessageBuilder('Breachdesk')).toThrow(/not an e-mail address/);
  });
});
