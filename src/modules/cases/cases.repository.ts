import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { CaseRow, CaseTable } from '../../db/schema.ts';

export async function listCasesOfOrg(db: DbOrTx, orgId: string): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findCaseOfOrg(db: DbOrTx, orgId: string, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The highest reference with this prefix; longer ones first, so that 10000 sorts after 9999. */
export async function findLastReference(db: DbOrTx, prefix: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('reference', 'like', `${prefix}%`)
    .orderBy(sql`length(reference)`, 'desc')
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.reference;
}

/** Returns 'duplicate_reference' when another case took the same reference first. */
export async function insertCase(db: DbOrTx, row: Insertable<CaseTable>): Promise<'inserted' | 'duplicate_reference'> {
  try {
    await db.insertInto('cases').values(row).execute();
    return 'inserted';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate_reference';
    throw error;
  }
}

// better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE; PostgreSQL reports SQLSTATE 23505.
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
