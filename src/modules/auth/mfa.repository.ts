import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { MfaPendingTable, OrganisationSecurityColumns, OrganisationTable, UserTotpTable } from '../../db/schema.ts';

export type UserTotpRow = Selectable<UserTotpTable>;
export type MfaPendingRow = Selectable<MfaPendingTable>;

function withSecurityColumns(db: DbOrTx) {
  return db.withTables<{ organisations: OrganisationTable & OrganisationSecurityColumns }>();
}

export async function findMfaRequiredRoles(db: DbOrTx, orgId: string): Promise<string | undefined> {
  const row = await withSecurityColumns(db).selectFrom('organisations').select('mfa_required_roles').where('id', '=', orgId).executeTakeFirst();
  return row?.mfa_required_roles;
}

export async function updateMfaRequiredRoles(db: DbOrTx, orgId: string, rolesJson: string): Promise<number> {
  const result = await withSecurityColumns(db).updateTable('organisations').set({ mfa_required_roles: rolesJson }).where('id', '=', orgId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What the enrolment gate needs on every request, in one query. */
export async function findMfaGateState(db: DbOrTx, userId: string): Promise<{ rolesJson: string; confirmedAt: string | null } | undefined> {
  const row = await withSecurityColumns(db)
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .leftJoin('user_totp', 'user_totp.user_id', 'users.id')
    .select(['organisations.mfa_required_roles', 'user_totp.confirmed_at'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? { rolesJson: row.mfa_required_roles, confirmedAt: row.confirmed_at ?? null } : undefined;
}

export async function findUserTotp(db: DbOrTx, userId: string): Promise<UserTotpRow | undefined> {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveUnconfirmedTotp(db: DbOrTx, row: UserTotpRow): Promise<void> {
  await db.deleteFrom('user_totp').where('user_id', '=', row.user_id).execute();
  await db.insertInto('user_totp').values(row).execute();
}

export async function confirmTotp(db: DbOrTx, userId: string, confirmedAt: string, step: number): Promise<void> {
  await db.updateTable('user_totp').set({ confirmed_at: confirmedAt, last_used_step: step }).where('user_id', '=', userId).execute();
}

/** Records a used step only if it is newer than the last one; false means a concurrent request used it first. */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number, previous: number | null): Promise<boolean> {
  let query = db.updateTable('user_totp').set({ last_used_step: step }).where('user_id', '=', userId);
  query = previous === null ? query.where('last_used_step', 'is', null) : query.where('last_used_step', '=', previous);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
}

export async function replaceBackupCodes(db: DbOrTx, userId: string, rows: Array<{ id: string; code_hash: string }>, createdAt: string): Promise<void> {
  await db.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('backup_codes')
    .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null, created_at: createdAt })))
    .execute();
}

/** Marks an unused backup code used; false when there is no such unused code. */
export async function claimBackupCode(db: DbOrTx, userId: string, codeHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('backup_codes')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedBackupCodes(db: DbOrTx, userId: string): Promise<number> {
  const row = await db.selectFrom('backup_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertMfaPending(db: DbOrTx, row: MfaPendingRow): Promise<void> {
  await db.insertInto('mfa_pending').values(row).execute();
}

export async function findMfaPending(db: DbOrTx, id: string): Promise<MfaPendingRow | undefined> {
  return db.selectFrom('mfa_pending').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteMfaPending(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('mfa_pending').where('id', '=', id).execute();
}

export async function deleteExpiredMfaPending(db: DbOrTx, now: string): Promise<void> {
  await db.deleteFrom('mfa_pending').where('expires_at', '<=', now).execute();
}
