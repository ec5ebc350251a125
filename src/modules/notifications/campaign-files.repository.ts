import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Channel, NotificationTables, OutboxState, OutboxTable } from './notifications.types.ts';

function tables(db: DbOrTx) {
  return db.withTables<NotificationTables>();
}

/** Letters not yet handed to the printer, oldest first, so that consecutive batches never overlap. */
export async function listPendingLetters(db: DbOrTx, campaignId: string, limit: number): Promise<OutboxTable[]> {
  return tables(db)
    .selectFrom('outbox')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('channel', '=', 'letter')
    .where('state', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findLetterRows(db: DbOrTx, campaignId: string, ids: readonly string[]): Promise<Array<Pick<OutboxTable, 'id' | 'state'>>> {
  const found: Array<Pick<OutboxTable, 'id' | 'state'>> = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tables(db)
      .selectFrom('outbox')
      .select(['id', 'state'])
      .where('campaign_id', '=', campaignId)
      .where('channel', '=', 'letter')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    found.push(...rows);
  }
  return found;
}

/** Looked up by the unique (campaign, person, channel) key that a Message-ID spells out. */
export async function findOutboxRowByKey(db: DbOrTx, campaignId: string, personId: string, channel: Channel): Promise<OutboxTable | undefined> {
  return tables(db)
    .selectFrom('outbox')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('affected_person_id', '=', personId)
    .where('channel', '=', channel)
    .executeTakeFirst();
}

/** Moves a row only from one of the expected states, so that a repeated or concurrent bounce changes it once. */
export async function updateOutboxRowFrom(db: DbOrTx, id: string, from: readonly OutboxState[], change: Partial<OutboxTable>): Promise<boolean> {
  const result = await tables(db).updateTable('outbox').set(change).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SendTimeline {
  firstSentAt: string | null;
  lastSentAt: string | null;
  /** Messages handed over per hour (UTC), keyed by `YYYY-MM-DDTHH`. */
  perHour: Array<{ hour: string; count: number }>;
}

/** ISO UTC text sorts and cuts the same way on both databases, so the hour is its first 13 characters. */
export async function sendTimeline(db: DbOrTx, campaignId: string): Promise<SendTimeline> {
  const span = await tables(db)
    .selectFrom('outbox')
    .select((eb) => [eb.fn.min<string>('sent_at').as('first'), eb.fn.max<string>('sent_at').as('last')])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  const hour = sql<string>`substr(sent_at, 1, 13)`;
  const rows = await tables(db)
    .selectFrom('outbox')
    .select((eb) => [hour.as('hour'), eb.fn.countAll<number | string>().as('count')])
    .where('campaign_id', '=', campaignId)
    .where('sent_at', 'is not', null)
    .groupBy(hour)
    .orderBy(hour)
    .execute();
  return { firstSentAt: span?.first ?? null, lastSentAt: span?.last ?? null, perHour: rows.map((r) => ({ hour: r.hour, count: Number(r.count) })) };
}

export type FailureRow = Pick<OutboxTable, 'id' | 'affected_person_id' | 'channel' | 'state' | 'attempts' | 'last_response' | 'updated_at'>;

/** Rows whose channel failed for good: bounced (nothing left to try) or fallen back to the next channel. */
export async function listFailures(db: DbOrTx, campaignId: string, limit: number): Promise<FailureRow[]> {
  return tables(db)
    .selectFrom('outbox')
    .select(['id', 'affected_person_id', 'channel', 'state', 'attempts', 'last_response', 'updated_at'])
    .where('campaign_id', '=', campaignId)
    .where('state', 'in', ['bounced', 'fallen_back'])
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findUserEmail(db: DbOrTx, orgId: string, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).where('org_id', '=', orgId).executeTakeFirst();
  return row?.email;
}
