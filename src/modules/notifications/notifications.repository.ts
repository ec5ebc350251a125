import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/database.ts';
import type { Channel, CampaignTable, NotificationTables, OutboxState, OutboxTable } from './notifications.types.ts';

function tables(db: DbOrTx) {
  return db.withTables<NotificationTables>();
}

export async function insertCampaign(db: DbOrTx, row: CampaignTable): Promise<void> {
  await tables(db).insertInto('campaigns').values(row).execute();
}

export async function findCampaignRow(db: DbOrTx, orgId: string, id: string): Promise<CampaignTable | undefined> {
  return tables(db).selectFrom('campaigns').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
}

export async function findCampaignRowById(db: DbOrTx, id: string): Promise<CampaignTable | undefined> {
  return tables(db).selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCampaignRows(db: DbOrTx, orgId: string, caseId: string): Promise<CampaignTable[]> {
  return tables(db).selectFrom('campaigns').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).orderBy('created_at').execute();
}

/** Changes a campaign only from one of the expected states, so two officers clicking at once cannot both win. */
export async function updateCampaignFrom(db: DbOrTx, id: string, from: readonly CampaignTable['state'][], change: Partial<CampaignTable>): Promise<boolean> {
  const result = await tables(db).updateTable('campaigns').set(change).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What routing needs of a person, without decrypting anything. */
export interface AudienceRow {
  id: string;
  person_key: string;
  vulnerable: string;
  has_email: number;
  has_mobile: number;
  has_address: number;
}

export async function pageAudience(db: DbOrTx, caseId: string, sets: readonly string[], afterId: string | null, limit: number): Promise<AudienceRow[]> {
  let query = db
    .selectFrom('affected_people')
    .select(['id', 'person_key', 'vulnerable', 'has_email', 'has_mobile', 'has_address'])
    .where('case_id', '=', caseId)
    .where('set_kind', 'in', sets as never)
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export async function findAudienceRow(db: DbOrTx, id: string): Promise<AudienceRow | undefined> {
  return db.selectFrom('affected_people').select(['id', 'person_key', 'vulnerable', 'has_email', 'has_mobile', 'has_address']).where('id', '=', id).executeTakeFirst();
}

/** A second run inserts nothing: the unique (campaign, person, channel) key makes seeding idempotent. */
export async function insertOutboxRows(db: DbOrTx, rows: OutboxTable[]): Promise<void> {
  if (rows.length === 0) return;
  await tables(db)
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) => oc.columns(['campaign_id', 'affected_person_id', 'channel']).doNothing())
    .execute();
}

export interface OutboxClaim {
  campaignId: string;
  workerId: string;
  channels: readonly Channel[];
  limit: number;
  now: string;
  lockedUntil: string;
}

function isDue(now: string) {
  return sql<boolean>`((state in ('pending', 'deferred') and next_attempt_at <= ${now}) or (state = 'claimed' and locked_until < ${now}))`;
}

/**
 * The due rows of one state, oldest first. One state at a time so that the (campaign, state, next attempt)
 * index answers with just `limit` rows: an OR across states makes the database read and sort every row of the
 * campaign on each claim, which grows with the campaign (6.2 million rows, twelve thousand claims).
 */
function dueOfState(db: DbOrTx, claim: OutboxClaim, state: 'claimed' | 'deferred' | 'pending', limit: number) {
  const query = tables(db).selectFrom('outbox').select('id').where('campaign_id', '=', claim.campaignId).where('state', '=', state).where('channel', 'in', claim.channels as Channel[]);
  // A lease that ran out first: its row has waited longest.
  if (state === 'claimed') return query.where('locked_until', '<', claim.now).limit(limit);
  return query.where('next_attempt_at', '<=', claim.now).orderBy('next_attempt_at').limit(limit);
}

const claimOrder = ['claimed', 'deferred', 'pending'] as const;

/** SQLite has one writer at a time, so one UPDATE ... RETURNING claims a batch atomically. */
export async function claimOutboxSqlite(db: Db, claim: OutboxClaim): Promise<OutboxTable[]> {
  const t = tables(db);
  const [expired, deferred, pending] = claimOrder.map((state) => t.selectFrom(dueOfState(db, claim, state, claim.limit).as(state)).select('id'));
  const due = t
    .selectFrom(expired!.unionAll(deferred!).unionAll(pending!).as('due'))
    .select('id')
    .limit(claim.limit);
  return t
    .updateTable('outbox')
    .set((eb) => ({ state: 'claimed', locked_by: claim.workerId, locked_until: claim.lockedUntil, claims: eb('claims', '+', 1), updated_at: claim.now }))
    .where('id', 'in', due)
    .where(isDue(claim.now))
    .returningAll()
    .execute();
}

/** PostgreSQL: SKIP LOCKED lets workers on several machines take disjoint batches without waiting. */
export async function claimOutboxPostgres(db: Db, claim: OutboxClaim): Promise<OutboxTable[]> {
  return db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    for (const state of claimOrder) {
      if (ids.length >= claim.limit) break;
      const rows = await dueOfState(tx, claim, state, claim.limit - ids.length)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) ids.push(row.id);
    }
    if (ids.length === 0) return [];
    return tables(tx)
      .updateTable('outbox')
      .set((eb) => ({ state: 'claimed', locked_by: claim.workerId, locked_until: claim.lockedUntil, claims: eb('claims', '+', 1), updated_at: claim.now }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  });
}

export interface OutboxOutcome {
  id: string;
  state: Exclude<OutboxState, 'pending' | 'claimed'>;
  response: string;
  nextAttemptAt?: string;
}

/** Rows per UPDATE when recording outcomes: well below the bound-parameter limits of SQLite and PostgreSQL. */
const outcomeChunk = 250;

/**
 * Records outcomes of one batch in one transaction, one UPDATE per state and chunk rather than one per row.
 * Each update names the worker: a worker whose lease was taken over records nothing, and the row's new holder
 * decides.
 */
export async function recordOutcomes(db: DbOrTx, workerId: string, now: string, outcomes: readonly OutboxOutcome[], fallbacks: readonly OutboxTable[]): Promise<void> {
  const t = tables(db);
  const groups = new Map<string, OutboxOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.state}|${outcome.nextAttemptAt ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(outcome);
    else groups.set(key, [outcome]);
  }
  for (const group of groups.values()) {
    const { state, nextAttemptAt } = group[0]!;
    for (let i = 0; i < group.length; i += outcomeChunk) {
      const chunk = group.slice(i, i + outcomeChunk);
      const responses = new Set(chunk.map((o) => o.response));
      await t
        .updateTable('outbox')
        .set((eb) => {
          let response;
          if (responses.size === 1) {
            response = eb.val(chunk[0]!.response.slice(0, 500));
          } else {
            // Each row keeps its own reply (an MTA's queue id traces the message there).
            const [first, ...rest] = chunk;
            let cases = eb.case().when('id', '=', first!.id).then(first!.response.slice(0, 500));
            for (const outcome of rest) cases = cases.when('id', '=', outcome.id).then(outcome.response.slice(0, 500));
            response = cases.end();
          }
          return {
            state,
            last_response: response,
            locked_by: null,
            locked_until: null,
            attempts: eb('attempts', '+', 1),
            updated_at: now,
            ...(state === 'accepted' || state === 'unknown' ? { sent_at: now } : {}),
            ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : {}),
          };
        })
        .where(
          'id',
          'in',
          chunk.map((o) => o.id),
        )
        .where('locked_by', '=', workerId)
        .where('state', '=', 'claimed')
        .execute();
    }
  }
  await insertOutboxRows(db, [...fallbacks]);
}

export async function countOutbox(db: DbOrTx, campaignId: string): Promise<Array<{ channel: Channel; state: OutboxState; count: number; claimed_twice: number }>> {
  const rows = await tables(db)
    .selectFrom('outbox')
    .select((eb) => [
      'channel',
      'state',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.sum<number | string | null>(sql`case when claims > 1 then 1 else 0 end`).as('claimed_twice'),
    ])
    .where('campaign_id', '=', campaignId)
    .groupBy(['channel', 'state'])
    .execute();
  return rows.map((r) => ({ channel: r.channel, state: r.state, count: Number(r.count), claimed_twice: Number(r.claimed_twice ?? 0) }));
}

export async function countSentSince(db: DbOrTx, campaignId: string, since: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOutboxRows(db: DbOrTx, campaignId: string, filter: { channel?: Channel; states?: OutboxState[] } = {}): Promise<OutboxTable[]> {
  let query = tables(db).selectFrom('outbox').selectAll().where('campaign_id', '=', campaignId).orderBy('id');
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.states) query = query.where('state', 'in', filter.states);
  return query.execute();
}

/** Letters and phone calls leave Breachdesk as a file: producing the file is their acceptance. */
export async function markHandedOver(db: DbOrTx, ids: readonly string[], now: string, response: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await tables(db)
      .updateTable('outbox')
      .set((eb) => ({ state: 'accepted', last_response: response, sent_at: now, updated_at: now, attempts: eb('attempts', '+', 1), claims: eb('claims', '+', 1) }))
      .where('id', 'in', ids.slice(i, i + 500))
      .where('state', '=', 'pending')
      .execute();
  }
}

export interface PersonRow {
  id: string;
  person_key: string;
  language: 'nl' | 'en';
  categories: string;
  contact_enc: string;
}

export async function findPeopleByIds(db: DbOrTx, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('affected_people').select(['id', 'person_key', 'language', 'categories', 'contact_enc']).where('id', 'in', ids).execute();
}

export async function findCaseReference(db: DbOrTx, orgId: string, caseId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cases').select('reference').where('id', '=', caseId).where('org_id', '=', orgId).executeTakeFirst();
  return row?.reference;
}

/** The earliest moment a row of this campaign can next be claimed, or null when every row is settled. */
export async function nextDueAt(db: DbOrTx, campaignId: string): Promise<string | null> {
  const waiting = await tables(db)
    .selectFrom('outbox')
    .select((eb) => eb.fn.min<string>('next_attempt_at').as('at'))
    .where('campaign_id', '=', campaignId)
    .where('state', 'in', ['deferred', 'pending'])
    .where('channel', 'in', ['email', 'sms'])
    .executeTakeFirst();
  const held = await tables(db)
    .selectFrom('outbox')
    .select((eb) => eb.fn.min<string>('locked_until').as('at'))
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'claimed')
    .executeTakeFirst();
  const moments = [waiting?.at, held?.at].filter((m): m is string => typeof m === 'string');
  return moments.length === 0 ? null : moments.sort()[0]!;
}
