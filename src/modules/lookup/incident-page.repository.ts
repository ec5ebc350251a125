import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { IncidentPageTable } from '../../db/schema.ts';

export type IncidentPageRow = Selectable<IncidentPageTable>;

export interface PublicIncidentRow extends IncidentPageRow {
  case_reference: string;
  org_name: string;
}

export async function findCaseReference(db: DbOrTx, orgId: string, caseId: string): Promise<{ id: string; reference: string } | undefined> {
  return db.selectFrom('cases').select(['id', 'reference']).where('org_id', '=', orgId).where('id', '=', caseId).executeTakeFirst();
}

export async function findIncidentPageOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<IncidentPageRow | undefined> {
  return db.selectFrom('incident_pages').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).executeTakeFirst();
}

function selectPublicIncident(db: DbOrTx) {
  return db
    .selectFrom('incident_pages')
    .innerJoin('cases', 'cases.id', 'incident_pages.case_id')
    .innerJoin('organisations', 'organisations.id', 'incident_pages.org_id')
    .selectAll('incident_pages')
    .select(['cases.reference as case_reference', 'organisations.name as org_name']);
}

export async function findIncidentPageBySlug(db: DbOrTx, slug: string): Promise<PublicIncidentRow | undefined> {
  return selectPublicIncident(db).where('incident_pages.slug', '=', slug).executeTakeFirst();
}

export async function findPublicIncidentOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<PublicIncidentRow | undefined> {
  return selectPublicIncident(db).where('incident_pages.org_id', '=', orgId).where('incident_pages.case_id', '=', caseId).executeTakeFirst();
}

export async function isSlugTakenByOtherCase(db: DbOrTx, slug: string, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('incident_pages').select('case_id').where('slug', '=', slug).where('case_id', '<>', caseId).executeTakeFirst();
  return row !== undefined;
}

export async function insertIncidentPage(db: DbOrTx, row: IncidentPageRow): Promise<void> {
  await db.insertInto('incident_pages').values(row).execute();
}

export async function updateIncidentPage(db: DbOrTx, caseId: string, changes: Partial<Omit<IncidentPageRow, 'case_id' | 'org_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('incident_pages').set(changes).where('case_id', '=', caseId).execute();
}

export async function findThrottle(db: DbOrTx, caseId: string, identifierHmac: string): Promise<string | undefined> {
  const row = await db.selectFrom('lookup_throttle').select('last_sent_at').where('case_id', '=', caseId).where('identifier_hmac', '=', identifierHmac).executeTakeFirst();
  return row?.last_sent_at;
}

export async function recordThrottle(db: DbOrTx, caseId: string, identifierHmac: string, sentAt: string): Promise<void> {
  await db
    .insertInto('lookup_throttle')
    .values({ case_id: caseId, identifier_hmac: identifierHmac, last_sent_at: sentAt })
    .onConflict((oc) => oc.columns(['case_id', 'identifier_hmac']).doUpdateSet({ last_sent_at: sentAt }))
    .execute();
}

export async function clearThrottle(db: DbOrTx, caseId: string, identifierHmac: string): Promise<void> {
  await db.deleteFrom('lookup_throttle').where('case_id', '=', caseId).where('identifier_hmac', '=', identifierHmac).execute();
}
