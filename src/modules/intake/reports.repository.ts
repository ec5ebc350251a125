import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { OrganisationSlugColumn, OrganisationTable, ReportEncryptionColumn, ReportTable } from '../../db/schema.ts';
import type { SealedReportFields } from './report-sealing.ts';

type EncryptedReportTable = ReportTable & ReportEncryptionColumn;
/** As stored: description and reporter contact columns are sealed under data_key_id (plain text when null). */
export type ReportRow = Selectable<EncryptedReportTable>;
export type ReportWithProcessor = ReportRow & { processor_name: string | null };

export interface ReportFilter {
  status?: ReportRow['status'];
  reporterUserId?: string;
  processorOrgId?: string;
}

export interface PublicOrganisation {
  id: string;
  name: string;
  slug: string | null;
  default_locale: 'nl' | 'en';
  time_zone: string;
}

function withSlugs(db: DbOrTx) {
  return db.withTables<{ organisations: OrganisationTable & OrganisationSlugColumn }>();
}

function withEncryption(db: DbOrTx) {
  return db.withTables<{ reports: EncryptedReportTable }>();
}

export async function insertReport(db: DbOrTx, row: Insertable<EncryptedReportTable>): Promise<'inserted' | 'duplicate_reference'> {
  const taken = await db.selectFrom('reports').select('id').where('reference', '=', row.reference).executeTakeFirst();
  if (taken) return 'duplicate_reference';
  await withEncryption(db).insertInto('reports').values(row).execute();
  return 'inserted';
}

export async function findReportById(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  return withEncryption(db).selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export type UnsealedReport = SealedReportFields & { id: string; org_id: string };

/** Reports written before encryption, a batch at a time in id order. */
export async function listUnsealedReports(db: DbOrTx, afterId: string, limit: number): Promise<UnsealedReport[]> {
  return withEncryption(db)
    .selectFrom('reports')
    .select(['id', 'org_id', 'description', 'reporter_name', 'reporter_email', 'reporter_phone'])
    .where('data_key_id', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Stores a report's sealed columns, only if it is still unsealed and its contact details are still the ones
 * read (a purge may have cleared them meanwhile): false when the row changed.
 */
export async function sealStoredReport(db: DbOrTx, read: UnsealedReport, sealed: SealedReportFields, dataKeyId: string): Promise<boolean> {
  let query = withEncryption(db).updateTable('reports').set({ ...sealed, data_key_id: dataKeyId }).where('id', '=', read.id).where('data_key_id', 'is', null);
  for (const column of ['reporter_name', 'reporter_email', 'reporter_phone'] as const) {
    const value = read[column];
    query = value === null ? query.where(column, 'is', null) : query.where(column, '=', value);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function selectReports(db: DbOrTx) {
  return withEncryption(db)
    .selectFrom('reports')
    .leftJoin('organisations as processor', 'processor.id', 'reports.processor_org_id')
    .selectAll('reports')
    .select('processor.name as processor_name');
}

export async function findReportOfOrg(db: DbOrTx, orgId: string, id: string): Promise<ReportWithProcessor | undefined> {
  return selectReports(db).where('reports.org_id', '=', orgId).where('reports.id', '=', id).executeTakeFirst();
}

export async function listReportsOfOrg(db: DbOrTx, orgId: string, filter: ReportFilter): Promise<ReportWithProcessor[]> {
  let query = selectReports(db).where('reports.org_id', '=', orgId);
  if (filter.status) query = query.where('reports.status', '=', filter.status);
  if (filter.reporterUserId !== undefined) query = query.where('reports.reporter_user_id', '=', filter.reporterUserId);
  if (filter.processorOrgId !== undefined) query = query.where('reports.processor_org_id', '=', filter.processorOrgId);
  return query.orderBy('reports.created_at', 'desc').orderBy('reports.id', 'desc').limit(500).execute();
}

export async function updateReportTriage(
  db: DbOrTx,
  id: string,
  change: Pick<ReportRow, 'status' | 'case_id' | 'triage_reason' | 'triaged_by' | 'triaged_at'>,
): Promise<boolean> {
  // Only an untriaged report changes: two people triaging at once cannot both win.
  const result = await db.updateTable('reports').set(change).where('id', '=', id).where('status', '=', 'new').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listControllerOrganisations(db: DbOrTx): Promise<PublicOrganisation[]> {
  return withSlugs(db)
    .selectFrom('organisations')
    .select(['id', 'name', 'slug', 'default_locale', 'time_zone'])
    .where('kind', '=', 'controller')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findOrganisationForIntake(db: DbOrTx, id: string): Promise<PublicOrganisation | undefined> {
  return withSlugs(db).selectFrom('organisations').select(['id', 'name', 'slug', 'default_locale', 'time_zone']).where('id', '=', id).executeTakeFirst();
}

export async function findControllerBySlug(db: DbOrTx, slug: string): Promise<PublicOrganisation | undefined> {
  return withSlugs(db)
    .selectFrom('organisations')
    .select(['id', 'name', 'slug', 'default_locale', 'time_zone'])
    .where('slug', '=', slug)
    .where('kind', '=', 'controller')
    .executeTakeFirst();
}

export async function slugsLike(db: DbOrTx, base: string): Promise<Set<string>> {
  const rows = await withSlugs(db).selectFrom('organisations').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((row) => row.slug).filter((slug): slug is string => slug !== null));
}

export async function setOrganisationSlug(db: DbOrTx, id: string, slug: string): Promise<void> {
  await withSlugs(db).updateTable('organisations').set({ slug }).where('id', '=', id).where('slug', 'is', null).execute();
}

export async function findProcessorLinkOfController(db: DbOrTx, controllerOrgId: string, linkId: string) {
  return db
    .selectFrom('processor_links')
    .innerJoin('organisations', 'organisations.id', 'processor_links.processor_org_id')
    .select(['processor_links.id', 'processor_links.processor_org_id', 'organisations.name as processor_name'])
    .where('processor_links.controller_org_id', '=', controllerOrgId)
    .where('processor_links.id', '=', linkId)
    .executeTakeFirst();
}

export async function insertProcessorReportLink(db: DbOrTx, row: { id: string; processor_link_id: string; token_hash: string; created_at: string }): Promise<void> {
  await db.insertInto('processor_report_links').values({ ...row, revoked_at: null }).execute();
}

export async function findActiveProcessorReportLink(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('processor_report_links')
    .innerJoin('processor_links', 'processor_links.id', 'processor_report_links.processor_link_id')
    .innerJoin('organisations as processor', 'processor.id', 'processor_links.processor_org_id')
    .select(['processor_report_links.id', 'processor_links.controller_org_id', 'processor_links.processor_org_id', 'processor.name as processor_name'])
    .where('processor_report_links.token_hash', '=', tokenHash)
    .where('processor_report_links.revoked_at', 'is', null)
    .executeTakeFirst();
}
