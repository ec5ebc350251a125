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
