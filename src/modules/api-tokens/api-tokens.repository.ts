import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ApiTokenTable } from '../../db/schema.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

export async function insertApiToken(db: DbOrTx, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function listApiTokensOfOrg(db: DbOrTx, orgId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findApiTokenOfOrg(db: DbOrTx, orgId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findActiveApiTokenByHash(db: DbOrTx, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function touchApiToken(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiTokenRow(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
