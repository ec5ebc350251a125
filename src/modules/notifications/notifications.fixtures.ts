import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { newId } from '../../shared/ids.ts';
import type { Templates } from './notifications.types.ts';

/** A message template in both languages that passes the art. 34(2) check. */
export const passingTemplates: Templates = {
  nl: {
    subject: 'Datalek bij {{organisation}}: uw gegevens',
    body: 'Beste {{name}},\n\nBij {{organisation}} is een datalek geweest. Een hacker heeft gegevens gestolen. Het gaat om {{exposed_data}}.\n\nHet risico is dat oplichters u nepberichten sturen. Wij hebben aangifte gedaan bij de politie.\n\nWees alert op phishing. Deel nooit uw pincode. Controleer uw facturen.\n\nVragen? Neem contact op via {{contact}}. Kenmerk: {{reference}}.',
  },
  en: {
    subject: 'Data breach at {{organisation}}: your data',
    body: 'Dear {{name}},\n\nThere was a data breach at {{organisation}}. A hacker stole data. It concerns {{exposed_data}}.\n\nThe risk is that criminals send you fake messages to commit fraud. We have reported it to the police.\n\nBe alert to phishing. Never share your PIN. Check your invoices.\n\nQuestions? Contact us via {{contact}}. Reference: {{reference}}.',
  },
};

export function actorFor(user: { id: string; org_id: string }, role: Actor['role'] = 'privacy_officer'): Actor {
  return { userId: user.id, orgId: user.org_id, role, processorOrgId: null, locale: 'en', displayName: 'Officer', sessionId: null };
}

export async function insertTestCase(db: DbOrTx, orgId: string): Promise<{ orgId: string; caseId: string; reference: string }> {
  const caseId = newId();
  const reference = `BD-T-${caseId.slice(-8)}`;
  const now = new Date().toISOString();
  await db.insertInto('cases').values({ id: caseId, org_id: orgId, reference, title: 't', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now }).execute();
  return { orgId, caseId, reference };
}

export interface ReceivedMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  to: string;
  messageId: string;
  raw: string;
}

export interface TestSmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Soft line breaks and =XX escapes of quoted-printable, so tests can search the text. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A real SMTP server on loopback; `reject` answers RCPT TO with the given code for chosen addresses. */
export async function startSmtpSink(
  options: { reject?: (address: string) => { code: number; message: string } | null; port?: number; delayMs?: number; queueIds?: boolean } = {},
): Promise<TestSmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.reject?.(address.address);
      if (refusal) {
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8'));
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        const accept = () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ from, to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId, raw });
          // Like a real MTA, every accepted message can get its own queue id in the reply.
          if (options.queueIds) callback(null, `Ok: queued as Q${received.length}`);
          else callback();
        };
        // A slow server keeps messages in flight, so that a test can kill a worker in the middle of a batch.
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  // A worker killed mid-conversation resets its connections; that is the point of the test, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
