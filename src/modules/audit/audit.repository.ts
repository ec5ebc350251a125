import { sql } from 'kysely';
import { isPostgres, type Db, type DbOrTx, type Tx } from '../../db/database.ts';
import type { AuditEvent } from '../../db/schema.ts';

// Appending must be serialised so that two transactions never link to the same predecessor.
const chainLockKey = 7_331_001;

export async function lockChain(tx: Tx): Promise<void> {
  if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(tx);
  // SQLite: the write transaction itself is exclusive.
}

export async function findLastEvent(tx: DbOrTx): Promise<Pick<AuditEvent, 'seq' | 'hash'> | undefined> {
  return tx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEvent(tx: Tx, event: AuditEvent): Promise<void> {
  await tx.insertInto('audit_events').values(event).execute();
}

export async function listEventsOfOrg(db: DbOrTx, orgId: string, options: { limit: number; beforeSeq?: number }): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll().where('org_id', '=', orgId);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return query.orderBy('seq', 'desc').limit(options.limit).execute();
}

/** The whole chain in order, in pages, so that verifying a long log does not hold it all in memory. */
export async function* streamChain(db: Db, pageSize = 5000): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq', 'asc').limit(pageSize).execute();
    for (const row of page) yield { ...row, seq: Number(row.seq) };
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.seq);
  }
}
