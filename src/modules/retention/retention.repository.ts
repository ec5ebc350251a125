import type { DbOrTx } from '../../db/database.ts';
import type { CasePurgeColumn, CaseTable, OrganisationSecurityColumns, OrganisationTable } from '../../db/schema.ts';

function withRetentionColumns(db: DbOrTx) {
  return db.withTables<{ organisations: OrganisationTable & OrganisationSecurityColumns; cases: CaseTable & CasePurgeColumn }>();
}

export interface ClosedCaseRow {
  id: string;
  org_id: string;
  reference: string;
  closed_at: string;
  retention_days: number;
}

/** Closed cases whose personal data has not been purged yet, with their organisation's retention period. */
export async function listClosedUnpurgedCases(db: DbOrTx, orgId?: string): Promise<ClosedCaseRow[]> {
  let query = withRetentionColumns(db)
    .selectFrom('cases')
    .innerJoin('organisations', 'organisations.id', 'cases.org_id')
    .select(['cases.id', 'cases.org_id', 'cases.reference', 'cases.closed_at', 'organisations.retention_days'])
    .where('cases.closed_at', 'is not', null)
    .where('cases.purged_at', 'is', null);
  if (orgId) query = query.where('cases.org_id', '=', orgId);
  const rows = await query.orderBy('cases.closed_at').execute();
  return rows.map((r) => ({ id: r.id, org_id: r.org_id, reference: r.reference, closed_at: r.closed_at!, retention_days: Number(r.retention_days) }));
}

export async function markCasePurged(db: DbOrTx, caseId: string, purgedAt: string): Promise<void> {
  await withRetentionColumns(db).updateTable('cases').set({ purged_at: purgedAt }).where('id', '=', caseId).execute();
}

export async function updateRetentionDays(db: DbOrTx, orgId: string, days: number): Promise<number> {
  const result = await withRetentionColumns(db).updateTable('organisations').set({ retention_days: days }).where('id', '=', orgId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findStoredFilesOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<Array<{ id: string; storage_key: string }>> {
  return db.selectFrom('files').select(['id', 'storage_key']).where('org_id', '=', orgId).where('case_id', '=', caseId).execute();
}

export async function deleteFileRows(db: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('files').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Reporter contact details of the case's reports; the report itself (source, dates, counts) stays. */
export async function clearReporterContacts(db: DbOrTx, orgId: string, caseId: string): Promise<number> {
  const result = await db
    .updateTable('reports')
    .set({ reporter_name: null, reporter_email: null, reporter_phone: null })
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('reporter_name', 'is not', null), eb('reporter_email', 'is not', null), eb('reporter_phone', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Just the columns the purge touches; the notifications module owns these tables. */
type PurgedNotificationTables = {
  campaigns: { id: string; org_id: string; case_id: string };
  outbox: { id: string; campaign_id: string; affected_person_id: string };
};

/**
 * The outbox rows of the case's campaigns: each names a person and may hold a gateway's answer quoting their
 * address. They reference affected_people, so they go before the people. The campaigns stay: they hold no
 * personal data and tell that the people were informed.
 */
export async function deleteOutboxRowsOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<number> {
  const tables = db.withTables<PurgedNotificationTables>();
  const campaignIds = tables.selectFrom('campaigns').select('id').where('org_id', '=', orgId).where('case_id', '=', caseId);
  const result = await tables.deleteFrom('outbox').where('campaign_id', 'in', campaignIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The lookup throttle's keyed hashes of whoever asked "am I affected?" about the case. */
export async function deleteLookupThrottleOfCase(db: DbOrTx, caseId: string): Promise<number> {
  const result = await db.deleteFrom('lookup_throttle').where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The analyses of the case's uploaded datasets: each points at the dataset's file row, which the files
 * step removes, and its result carries masked examples of the values. The figures it measured were
 * applied to the case facts, which stay.
 */
export async function deleteAnalysesOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<number> {
  const result = await db.deleteFrom('analyses').where('org_id', '=', orgId).where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
