import type { DatabaseHandle } from '../../db/database.ts';
import type { Clock } from '../../shared/time.ts';
import { decryptValue } from '../keys/index.ts';
import { createComposer } from './compose-message.ts';
import type { EmailChannel } from './email-channel.ts';
import { describeExposedData } from './exposed-data-phrases.ts';
import {
  claimOutboxPostgres,
  claimOutboxSqlite,
  findAudienceRow,
  findPeopleByIds,
  recordOutcomes,
  type OutboxClaim,
  type OutboxOutcome,
} from './notifications.repository.ts';
import type { Campaign, Channel, OutboxTable } from './notifications.types.ts';
import { deferralDelayMs, warmUpRate, type SendOutcome, type WarmUpStep } from './recipient-routing.ts';
import { fallbackRowFor } from './fallback-row.ts';
import { smsText, type SmsGateway } from './sms-gateway.ts';

export interface SenderOptions {
  database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  clock: Clock;
  campaign: Campaign;
  caseReference: string;
  dataKey: Buffer;
  email: EmailChannel;
  sms: SmsGateway | null;
  /** The domain of Message-IDs: the sender's own, so that they are unique worldwide. */
  messageIdDomain: string;
  workerId: string;
  batchSize?: number;
  /**
   * Batches sent at the same time by `run`: the next batch is claimed and rendered while the previous one
   * waits for its last replies, so the SMTP connections do not idle between batches. A hard kill can then
   * repeat up to this many batches.
   */
  batchesInFlight?: number;
  /** How long a claim holds; a row whose worker died is taken over after it (and counted as claimed twice). */
  leaseMs?: number;
  warmUp?: readonly WarmUpStep[];
  /** After this many deferrals a message is given up on that channel and the next one is tried. */
  maxAttempts?: number;
}

export interface BatchResult {
  claimed: number;
  outcomes: Record<SendOutcome['kind'], number>;
}

export interface OutboxSender {
  /** Claims one batch, sends it, records every outcome; resolves only when all of them are recorded. */
  sendBatch(): Promise<BatchResult>;
  /** Sends batches until nothing is due or `shouldStop()` says so; the batches in flight are always finished. */
  run(shouldStop: () => boolean): Promise<number>;
}

interface Contact {
  email: string | null;
  mobile: string | null;
  name: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createOutboxSender(options: SenderOptions): OutboxSender {
  const { database, clock, campaign } = options;
  const batchSize = options.batchSize ?? 200;
  const batchesInFlight = options.batchesInFlight ?? 1;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const composer = createComposer(campaign);
  // SMS rows are claimed even without a gateway: they fall back to the next channel instead of waiting for ever.
  const channels: Channel[] = ['email', 'sms'];
  const startedAt = Date.parse(campaign.startedAt ?? campaign.createdAt);

  async function claim(): Promise<OutboxTable[]> {
    const now = clock.now();
    const request: OutboxClaim = {
      campaignId: campaign.id,
      workerId: options.workerId,
      channels,
      limit: batchSize,
      now: now.toISOString(),
      lockedUntil: new Date(now.getTime() + leaseMs).toISOString(),
    };
    return database.dialect === 'postgres' ? claimOutboxPostgres(database.db, request) : claimOutboxSqlite(database.db, request);
  }

  async function sendOne(row: OutboxTable, person: { language: 'nl' | 'en'; categories: string[]; contact: Contact } | undefined): Promise<SendOutcome> {
    if (!person) return { kind: 'bounced', response: 'the person is no longer on the list' };
    if (row.channel === 'email') {
      if (!person.contact.email) return { kind: 'bounced', response: 'no e-mail address' };
      const message = composer.compose({ id: row.affected_person_id, language: person.language, categories: person.categories, name: person.contact.name }, options.caseReference);
      return options.email.send({ to: person.contact.email, messageId: row.message_id, ...message });
    }
    if (!options.sms || !person.contact.mobile) return { kind: 'bounced', response: 'no mobile number or SMS gateway' };
    const exposed = describeExposedData(person.categories, person.language);
    return options.sms.send({ to: person.contact.mobile, reference: row.message_id, text: smsText(person.language, campaign.organisation, exposed, campaign.url, options.caseReference) });
  }

  async function fallbackFor(row: OutboxTable, nowIso: string): Promise<OutboxTable | null> {
    const audience = await findAudienceRow(database.db, row.affected_person_id);
    return audience ? fallbackRowFor(row, audience, campaign, options.messageIdDomain, nowIso) : null;
  }

  async function sendBatch(): Promise<BatchResult> {
    const rows = await claim();
    const result: BatchResult = { claimed: rows.length, outcomes: { accepted: 0, deferred: 0, bounced: 0, unknown: 0 } };
    if (rows.length === 0) return result;
    const people = new Map(
      (await findPeopleByIds(database.db, [...new Set(rows.map((r) => r.affected_person_id))])).map((p) => [
        p.id,
        { language: p.language, categories: JSON.parse(p.categories) as string[], contact: JSON.parse(decryptValue(options.dataKey, p.contact_enc)) as Contact },
      ]),
    );
    // Every send of the batch runs at once: the pooled transport queues them over its connections.
    const sent = await Promise.all(rows.map((row) => sendOne(row, people.get(row.affected_person_id)).catch((error: unknown) => ({ kind: 'unknown', response: String(error) }) as SendOutcome)));
    const now = clock.now();
    const nowIso = now.toISOString();
    const outcomes: OutboxOutcome[] = [];
    const fallbacks: OutboxTable[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      let outcome = sent[i]!;
      if (outcome.kind === 'deferred' && row.attempts + 1 >= maxAttempts) outcome = { kind: 'bounced', response: `gave up after ${maxAttempts} attempts: ${outcome.response}` };
      result.outcomes[outcome.kind] += 1;
      if (outcome.kind === 'bounced') {
        const fallback = await fallbackFor(row, nowIso);
        if (fallback) fallbacks.push(fallback);
        outcomes.push({ id: row.id, state: fallback ? 'fallen_back' : 'bounced', response: outcome.response });
      } else if (outcome.kind === 'deferred') {
        outcomes.push({ id: row.id, state: 'deferred', response: outcome.response, nextAttemptAt: new Date(now.getTime() + deferralDelayMs(row.attempts + 1)).toISOString() });
      } else {
        outcomes.push({ id: row.id, state: outcome.kind, response: outcome.response });
      }
    }
    // Only now, after every send of the batch has its answer, is anything recorded as done.
    await database.db.transaction().execute((tx) => recordOutcomes(tx, options.workerId, nowIso, outcomes, fallbacks));
    return result;
  }

  async function run(shouldStop: () => boolean): Promise<number> {
    const totals = await Promise.all(Array.from({ length: batchesInFlight }, () => runOneAtATime(shouldStop)));
    return totals.reduce((sum, n) => sum + n, 0);
  }

  async function runOneAtATime(shouldStop: () => boolean): Promise<number> {
    let total = 0;
    while (!shouldStop()) {
      const began = Date.now();
      const batch = await sendBatch();
      if (batch.claimed === 0) break;
      total += batch.claimed;
      const rate = warmUpRate(options.warmUp ?? [], clock.now().getTime() - startedAt);
      // The loops running side by side share the warm-up rate.
      const minimumMs = ((batch.claimed * batchesInFlight) / rate) * 1000;
      const spent = Date.now() - began;
      if (Number.isFinite(minimumMs) && spent < minimumMs) await sleep(minimumMs - spent);
    }
    return total;
  }

  return { sendBatch, run };
}
