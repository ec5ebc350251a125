import type { DbOrTx } from '../../db/database.ts';
import type { CaseNotificationTable, CaseRow, Organisation, OrganisationContactColumns, OrganisationTable, RegulatorDraftTable } from '../../db/schema.ts';

export type DraftRow = RegulatorDraftTable;
type OrganisationWithContact = Organisation & OrganisationContactColumns;

function withContact(db: DbOrTx) {
  return db.withTables<{ organisations: OrganisationTable & OrganisationContactColumns }>();
}

export async function findCaseOfOrg(db: DbOrTx, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).where('id', '=', caseId).executeTakeFirst();
}

export async function findOrganisationWithContact(db: DbOrTx, orgId: string): Promise<OrganisationWithContact | undefined> {
  return withContact(db).selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function updateOrganisationContact(db: DbOrTx, orgId: string, contact: OrganisationContactColumns): Promise<void> {
  await withContact(db).updateTable('organisations').set(contact).where('id', '=', orgId).execute();
}

/** Names of the parties of a case other than the organisation itself: its brands and joint controllers. */
export async function listOtherPartyNames(db: DbOrTx, caseId: string, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .leftJoin('brands as b', 'b.id', 'p.brand_id')
    .select(['p.org_id', 'p.brand_id', 'o.name as org_name', 'b.name as brand_name'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.filter((r) => r.brand_id !== null || r.org_id !== orgId).map((r) => r.brand_name ?? r.org_name);
}

export async function listNotificationsOfCase(db: DbOrTx, caseId: string): Promise<CaseNotificationTable[]> {
  return db.selectFrom('case_notifications').selectAll().where('case_id', '=', caseId).orderBy('sent_at').orderBy('id').execute();
}

export async function insertNotification(db: DbOrTx, row: CaseNotificationTable): Promise<void> {
  await db.insertInto('case_notifications').values(row).execute();
}

export async function insertDraft(db: DbOrTx, row: DraftRow): Promise<void> {
  await db.insertInto('regulator_drafts').values(row).execute();
}

/** Newest first. */
export async function listDraftsOfCase(db: DbOrTx, caseId: string): Promise<DraftRow[]> {
  return db.selectFrom('regulator_drafts').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findDraftOfCase(db: DbOrTx, caseId: string, draftId: string): Promise<DraftRow | undefined> {
  return db.selectFrom('regulator_drafts').selectAll().where('case_id', '=', caseId).where('id', '=', draftId).executeTakeFirst();
}

/** The last notification that went out under one of these regimes, which a follow-up supplements. */
export async function findLatestSubmittedDraft(db: DbOrTx, caseId: string, regimes: readonly DraftRow['regime'][]): Promise<DraftRow | undefined> {
  return db
    .selectFrom('regulator_drafts')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('regime', 'in', [...regimes])
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function markDraftSubmitted(
  db: DbOrTx,
  draftId: string,
  fields: { submitted_at: string; ap_reference: string; notification_id: string; submitted_by: string },
): Promise<void> {
  await db.updateTable('regulator_drafts').set(fields).where('id', '=', draftId).where('submitted_at', 'is', null).execute();
}

export async function findUserNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
