import type { DbOrTx } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { DataKeyTable } from '../../db/schema.ts';

export type DataKeyRow = Selectable<DataKeyTable>;

export async function findDataKey(db: DbOrTx, orgId: string, caseId: string | null): Promise<DataKeyRow | undefined> {
  let query = db.selectFrom('data_keys').selectAll().where('org_id', '=', orgId);
  query = caseId === null ? query.where('case_id', 'is', null) : query.where('case_id', '=', caseId);
  return query.orderBy('created_at', 'asc').limit(1).executeTakeFirst();
}

export async function findDataKeyById(db: DbOrTx, id: string): Promise<DataKeyRow | undefined> {
  return db.selectFrom('data_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDataKey(db: DbOrTx, row: DataKeyRow): Promise<void> {
  await db.insertInto('data_keys').values(row).execute();
}

/** A batch of data keys not wrapped by `kekId`, in id order after `afterId` (keyset paging). */
export async function listDataKeysNotWrappedBy(db: DbOrTx, kekId: string, afterId: string, limit: number): Promise<DataKeyRow[]> {
  return db.selectFrom('data_keys').selectAll().where('kek_id', '!=', kekId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Replaces a wrapping only if the row is still as read; false when another process changed it meanwhile. */
export async function rewrapDataKeyRow(db: DbOrTx, id: string, from: { kekId: string }, to: { wrappedKey: string; kekId: string }): Promise<boolean> {
  const result = await db.updateTable('data_keys').set({ wrapped_key: to.wrappedKey, kek_id: to.kekId }).where('id', '=', id).where('kek_id', '=', from.kekId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countDataKeysByKek(db: DbOrTx): Promise<Array<{ kekId: string; count: number }>> {
  const rows = await db.selectFrom('data_keys').select(['kek_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kek_id').orderBy('kek_id').execute();
  return rows.map((r) => ({ kekId: r.kek_id, count: Number(r.n) }));
}

export async function deleteDataKeysOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<number> {
  const result = await db.deleteFrom('data_keys').where('org_id', '=', orgId).where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
