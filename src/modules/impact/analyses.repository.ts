import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { AnalysisTable, CaseRow } from '../../db/schema.ts';

export type AnalysisRow = Selectable<AnalysisTable>;
export type NewAnalysisRow = Omit<AnalysisRow, 'progress_permille' | 'cancel_requested' | 'column_overrides'> & { column_overrides: string };

export async function findCaseOfOrg(db: DbOrTx, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).where('id', '=', caseId).executeTakeFirst();
}

export async function findCaseById(db: DbOrTx, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

export async function insertAnalysis(db: DbOrTx, row: NewAnalysisRow): Promise<void> {
  await db.insertInto('analyses').values(row).execute();
}

export async function findAnalysis(db: DbOrTx, id: string): Promise<AnalysisRow | undefined> {
  return db.selectFrom('analyses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAnalysisOfCase(db: DbOrTx, orgId: string, caseId: string, id: string): Promise<AnalysisRow | undefined> {
  return db.selectFrom('analyses').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}

export async function listAnalysesOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<AnalysisRow[]> {
  return db.selectFrom('analyses').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findLatestCompletedAnalysis(db: DbOrTx, caseId: string): Promise<AnalysisRow | undefined> {
  return db
    .selectFrom('analyses')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'completed')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateAnalysis(db: DbOrTx, id: string, changes: Partial<Omit<AnalysisRow, 'id' | 'org_id' | 'case_id'>>): Promise<void> {
  await db.updateTable('analyses').set(changes).where('id', '=', id).execute();
}

/** Moves an analysis from `from` to `to` only if it is still in `from`; says whether it did. */
export async function moveAnalysisStatus(db: DbOrTx, id: string, from: AnalysisRow['status'][], changes: Partial<Omit<AnalysisRow, 'id' | 'org_id' | 'case_id'>>): Promise<boolean> {
  const result = await db.updateTable('analyses').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function isCancelRequested(db: DbOrTx, id: string): Promise<boolean> {
  const row = await db.selectFrom('analyses').select('cancel_requested').where('id', '=', id).executeTakeFirst();
  return !row || Number(row.cancel_requested) === 1;
}

export async function updateCaseFacts(db: DbOrTx, caseId: string, changes: { facts: string; fact_sources: string; updated_at: string }): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', caseId).execute();
}

/** Every analysis of the same stored dataset: a re-run replaces the people the earlier runs found. */
export async function listAnalysisIdsOfFile(db: DbOrTx, caseId: string, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom('analyses').select('id').where('case_id', '=', caseId).where('file_id', '=', fileId).execute();
  return rows.map((row) => row.id);
}
