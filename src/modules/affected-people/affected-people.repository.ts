import { sql, type Selectable } from 'kysely';
import { isPostgres, type Db, type DbOrTx } from '../../db/database.ts';
import type { AffectedPersonTable, LookupIndexTable } from '../../db/schema.ts';

export type AffectedPersonRow = Selectable<AffectedPersonTable>;

// SQLite accepts at most 32766 bound parameters per statement: 1,000 rows of 17 columns and 8,000 index
// entries of 3 stay below it, and fewer, larger statements spare the per-statement cost of a bulk load.
const peopleChunk = 1_000;
const indexChunk = 8_000;

export async function insertAffectedPeople(db: DbOrTx, rows: AffectedPersonRow[], index: LookupIndexTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += peopleChunk) {
    await db.insertInto('affected_people').values(rows.slice(i, i + peopleChunk)).execute();
  }
  // Keyed hashes are random: inserted in order, neighbouring entries land on the same index pages, which
  // keeps a load of millions from touching a different page of the index for every entry.
  const sorted = [...index].sort((a, b) => (a.identifier_hmac < b.identifier_hmac ? -1 : a.identifier_hmac > b.identifier_hmac ? 1 : 0));
  for (let i = 0; i < sorted.length; i += indexChunk) {
    await db.insertInto('lookup_index').values(sorted.slice(i, i + indexChunk)).onConflict((oc) => oc.doNothing()).execute();
  }
}

/**
 * Runs a bulk load with a page cache big enough for the lookup index of millions of people (SQLite's
 * default is 2 MB); the setting is put back afterwards. PostgreSQL sizes its cache itself.
 */
export async function withBulkLoadCache<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  const before = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  await sql`PRAGMA cache_size = -1048576`.execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA cache_size = ${Number(before.rows[0]?.cache_size ?? -2000)}`).execute(db);
  }
}

export async function deleteAffectedPeopleOfSource(db: DbOrTx, caseId: string, sourceId: string): Promise<void> {
  const ids = db.selectFrom('affected_people').select('id').where('case_id', '=', caseId).where('source_id', '=', sourceId);
  await db.deleteFrom('lookup_index').where('case_id', '=', caseId).where('affected_person_id', 'in', ids).execute();
  await db.deleteFrom('affected_people').where('case_id', '=', caseId).where('source_id', '=', sourceId).execute();
}

export async function deleteAffectedPeopleOfCase(db: DbOrTx, caseId: string): Promise<number> {
  await db.deleteFrom('lookup_index').where('case_id', '=', caseId).execute();
  const result = await db.deleteFrom('affected_people').where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function pageAffectedPeople(db: DbOrTx, orgId: string, caseId: string, options: { afterId?: string; limit: number; sourceId?: string }): Promise<AffectedPersonRow[]> {
  let query = db.selectFrom('affected_people').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId);
  if (options.sourceId) query = query.where('source_id', '=', options.sourceId);
  if (options.afterId) query = query.where('id', '>', options.afterId);
  return query.orderBy('id', 'asc').limit(options.limit).execute();
}

export async function findAffectedPerson(db: DbOrTx, orgId: string, id: string): Promise<AffectedPersonRow | undefined> {
  return db.selectFrom('affected_people').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findAffectedByHmac(db: DbOrTx, caseId: string, hmacs: string[]): Promise<AffectedPersonRow[]> {
  if (hmacs.length === 0) return [];
  return db
    .selectFrom('lookup_index')
    .innerJoin('affected_people', 'affected_people.id', 'lookup_index.affected_person_id')
    .selectAll('affected_people')
    .where('lookup_index.case_id', '=', caseId)
    .where('lookup_index.identifier_hmac', 'in', hmacs)
    .execute();
}

export interface AudienceCounts {
  persons: number;
  withEmail: number;
  withMobile: number;
  withAddress: number;
}

export async function countAffectedPeople(db: DbOrTx, orgId: string, caseId: string): Promise<AudienceCounts> {
  const row = await db
    .selectFrom('affected_people')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('persons'),
      eb.fn.sum<string | number | null>('has_email').as('with_email'),
      eb.fn.sum<string | number | null>('has_mobile').as('with_mobile'),
      eb.fn.sum<string | number | null>('has_address').as('with_address'),
    ])
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return { persons: Number(row.persons), withEmail: Number(row.with_email ?? 0), withMobile: Number(row.with_mobile ?? 0), withAddress: Number(row.with_address ?? 0) };
}
