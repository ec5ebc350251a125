import type { DbOrTx } from '../../db/database.ts';
import type { BrandTable, NewOrganisation, Organisation, OrganisationTable, ProcessorLinkTable } from '../../db/schema.ts';

export type BrandRow = BrandTable;
export type ProcessorLinkRow = ProcessorLinkTable;

export interface ProcessorEntryRow {
  link_id: string;
  processor_org_id: string;
  name: string;
  report_deadline_hours: number;
  contact_email: string | null;
}

export async function insertOrganisation(db: DbOrTx, row: NewOrganisation): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function findOrganisationById(db: DbOrTx, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationsByName(db: DbOrTx, name: string, kind: Organisation['kind']): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).where('kind', '=', kind).orderBy('created_at').execute();
}

export async function listAllOrganisations(db: DbOrTx): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name').orderBy('id').execute();
}

export async function updateOrganisationRow(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<OrganisationTable, 'name' | 'sector' | 'nis2' | 'time_zone' | 'default_locale'>>,
): Promise<void> {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}

export async function listBrandsOfOrg(db: DbOrTx, orgId: string): Promise<BrandRow[]> {
  return db.selectFrom('brands').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
}

/** Returns 'duplicate' when the (organisation, name) unique constraint rejects the row. */
export async function insertBrand(db: DbOrTx, row: BrandRow): Promise<'inserted' | 'duplicate'> {
  try {
    await db.insertInto('brands').values(row).execute();
    return 'inserted';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

export async function deleteBrandOfOrg(db: DbOrTx, orgId: string, brandId: string): Promise<BrandRow | undefined> {
  const brand = await db.selectFrom('brands').selectAll().where('id', '=', brandId).where('org_id', '=', orgId).executeTakeFirst();
  if (!brand) return undefined;
  await db.deleteFrom('brands').where('id', '=', brandId).where('org_id', '=', orgId).execute();
  return brand;
}

export async function insertProcessorLink(db: DbOrTx, row: ProcessorLinkRow): Promise<void> {
  await db.insertInto('processor_links').values(row).execute();
}

export async function listProcessorsOfController(db: DbOrTx, controllerOrgId: string): Promise<ProcessorEntryRow[]> {
  return db
    .selectFrom('processor_links')
    .innerJoin('organisations', 'organisations.id', 'processor_links.processor_org_id')
    .select([
      'processor_links.id as link_id',
      'processor_links.processor_org_id',
      'organisations.name',
      'processor_links.report_deadline_hours',
      'processor_links.contact_email',
    ])
    .where('processor_links.controller_org_id', '=', controllerOrgId)
    .orderBy('organisations.name')
    .orderBy('processor_links.id')
    .execute();
}

// better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY); PostgreSQL reports SQLSTATE 23505.
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
