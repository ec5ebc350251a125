import type { DbOrTx } from '../../db/database.ts';
import type { CaseAssessmentTable, CaseRow, Organisation } from '../../db/schema.ts';

export type AssessmentRow = CaseAssessmentTable;

export async function findCaseOfOrg(db: DbOrTx, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).where('id', '=', caseId).executeTakeFirst();
}

export async function findOrganisation(db: DbOrTx, orgId: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export interface PartyProfileRow {
  id: string;
  org_id: string;
  brand_id: string | null;
  role: string;
  org_name: string;
  brand_name: string | null;
  sector: string;
  nis2: string;
}

/** The controllers of a case with the profile of their organisation (a brand shares its organisation's). */
export async function listPartyProfiles(db: DbOrTx, caseId: string): Promise<PartyProfileRow[]> {
  return db
    .selectFrom('case_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .leftJoin('brands as b', 'b.id', 'p.brand_id')
    .select(['p.id', 'p.org_id', 'p.brand_id', 'p.role', 'o.name as org_name', 'b.name as brand_name', 'o.sector', 'o.nis2'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function insertAssessment(db: DbOrTx, row: AssessmentRow): Promise<void> {
  await db.insertInto('case_assessments').values(row).execute();
}

/** Newest first; the first is the decision in force. */
export async function listAssessmentsOfCase(db: DbOrTx, caseId: string): Promise<AssessmentRow[]> {
  return db.selectFrom('case_assessments').selectAll().where('case_id', '=', caseId).orderBy('decided_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findLatestAssessment(db: DbOrTx, caseId: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('case_assessments').selectAll().where('case_id', '=', caseId).orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The outcome in force, kept on the case for the clocks and the register. */
export async function updateCaseRiskOutcome(db: DbOrTx, caseId: string, outcome: string, at: string): Promise<void> {
  await db.updateTable('cases').set({ risk_outcome: outcome, updated_at: at }).where('id', '=', caseId).execute();
}

export async function findUserNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
