import type { AppContext } from '../../app-context.ts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import type { Organisation } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { findRepeatedName } from './organisation-rules.ts';
import { canManageOrganisation, readableOrganisation } from './organisations.policy.ts';
import {
  deleteBrandOfOrg,
  findOrganisationById,
  findOrganisationsByName,
  insertBrand,
  insertOrganisation,
  insertProcessorLink,
  listAllOrganisations,
  listBrandsOfOrg,
  listProcessorsOfController,
  updateOrganisationRow,
  type ProcessorEntryRow,
} from './organisations.repository.ts';
import {
  addBrandBody,
  addProcessorBody,
  createOrganisationInput,
  updateOrganisationBody,
  type AddBrandInput,
  type AddProcessorInput,
  type BrandView,
  type CreateOrganisationInput,
  type Locale,
  type Nis2Class,
  type OrganisationView,
  type ProcessorEntryView,
  type Sector,
  type UpdateOrganisationInput,
} from './organisations.schemas.ts';
import { parseInput } from './parse-input.ts';

export type OrganisationDeps = Pick<AppContext, 'db' | 'clock'>;
/** Who made a change, as the audit log records it: a signed-in actor or a label such as `cli`. */
export type ChangedBy = AuditInput['actor'];

export interface OrganisationSummary {
  id: string;
  kind: Organisation['kind'];
  name: string;
  sector: string;
  nis2: string;
  brands: string[];
}

function duplicateBrand(field: string): AppError {
  return new AppError('validation_failed', 'This organisation already has a brand with that name.', {
    issues: [{ field, message: 'a brand with this name already exists' }],
  });
}

function repeatedBrand(field: string): AppError {
  return new AppError('validation_failed', 'The same brand name is given more than once.', {
    issues: [{ field, message: 'repeats an earlier brand name' }],
  });
}

/** Creates a controller organisation with its brands; used by the command line and the demo loader. */
export async function createOrganisation(deps: OrganisationDeps, input: CreateOrganisationInput, by: ChangedBy): Promise<OrganisationView> {
  const data = parseInput(createOrganisationInput, input);
  const repeated = findRepeatedName([], data.brands);
  if (repeated >= 0) throw repeatedBrand(`brands.${repeated}`);
  const id = await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const orgId = newId();
    await insertOrganisation(tx, {
      id: orgId,
      kind: 'controller',
      name: data.name,
      sector: data.sector,
      nis2: data.nis2,
      time_zone: data.timeZone,
      default_locale: data.defaultLocale,
      created_at: now,
    });
    await recordAuditEvent(tx, deps.clock, {
      orgId,
      actor: by,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { sector: data.sector, nis2: data.nis2 },
    });
    for (const [index, name] of data.brands.entries()) await addBrandInTx(tx, deps, orgId, name, by, `brands.${index}`);
    return orgId;
  });
  return loadView(deps.db, id, 'full');
}

export async function listOrganisations(deps: Pick<OrganisationDeps, 'db'>): Promise<OrganisationSummary[]> {
  const orgs = await listAllOrganisations(deps.db);
  return Promise.all(
    orgs.map(async (org) => ({
      id: org.id,
      kind: org.kind,
      name: org.name,
      sector: org.sector,
      nis2: org.nis2,
      brands: (await listBrandsOfOrg(deps.db, org.id)).map((b) => b.name),
    })),
  );
}

/** The controller organisations with exactly this name (the demo loader uses it to stay idempotent). */
export async function findControllersByName(deps: Pick<OrganisationDeps, 'db'>, name: string): Promise<Array<{ id: string; name: string }>> {
  return (await findOrganisationsByName(deps.db, name, 'controller')).map((o) => ({ id: o.id, name: o.name }));
}

/** The processors linked to a controller, for system work such as loading demo data (no actor, no policy). */
export async function listProcessorsOfOrganisation(deps: Pick<OrganisationDeps, 'db'>, controllerOrgId: string): Promise<ProcessorEntryView[]> {
  return (await listProcessorsOfController(deps.db, controllerOrgId)).map(toProcessorEntry);
}

/** The display name of an organisation, e.g. for the signed-in user's profile; null when it does not exist. */
export async function getOrganisationName(db: DbOrTx, orgId: string): Promise<string | null> {
  return (await findOrganisationById(db, orgId))?.name ?? null;
}

export async function getOrganisation(deps: Pick<OrganisationDeps, 'db'>, actor: Actor): Promise<OrganisationView> {
  const readable = readableOrganisation(actor);
  if (!readable) throw notFound('organisation');
  return loadView(deps.db, readable.orgId, readable.scope);
}

export async function updateOrganisation(deps: OrganisationDeps, actor: Actor, input: UpdateOrganisationInput): Promise<OrganisationView> {
  const orgId = managedOrgId(actor);
  const data = parseInput(updateOrganisationBody, input);
  await deps.db.transaction().execute(async (tx) => {
    const current = await findOrganisationById(tx, orgId);
    if (!current) throw notFound('organisation');
    const next = {
      name: data.name ?? current.name,
      sector: data.sector ?? current.sector,
      nis2: data.nis2 ?? current.nis2,
      time_zone: data.timeZone ?? current.time_zone,
      default_locale: data.defaultLocale ?? current.default_locale,
    };
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return;
    await updateOrganisationRow(tx, orgId, Object.fromEntries(changed.map((key) => [key, next[key]])));
    await recordAuditEvent(tx, deps.clock, {
      orgId,
      actor,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { fields: changed, ...(changed.includes('sector') ? { sector: next.sector } : {}), ...(changed.includes('nis2') ? { nis2: next.nis2 } : {}) },
    });
  });
  return loadView(deps.db, orgId, 'full');
}

export async function addBrand(deps: OrganisationDeps, actor: Actor, input: AddBrandInput): Promise<BrandView> {
  const orgId = managedOrgId(actor);
  const data = parseInput(addBrandBody, input);
  return deps.db.transaction().execute((tx) => addBrandInTx(tx, deps, orgId, data.name, actor, 'name'));
}

export async function removeBrand(deps: OrganisationDeps, actor: Actor, brandId: string): Promise<void> {
  const orgId = managedOrgId(actor);
  await deps.db.transaction().execute(async (tx) => {
    // Another organisation's brand is deleted by nobody and answers like a missing one.
    const removed = await deleteBrandOfOrg(tx, orgId, brandId);
    if (!removed) throw notFound('brand');
    await recordAuditEvent(tx, deps.clock, { orgId, actor, action: 'brand.removed', subjectType: 'brand', subjectId: brandId, details: { name: removed.name } });
  });
}

export async function addProcessor(deps: OrganisationDeps, actor: Actor, input: AddProcessorInput): Promise<ProcessorEntryView> {
  return addProcessorToOrganisation(deps, managedOrgId(actor), input, actor);
}

/**
 * Creates a processor organisation and links it to the controller. Each controller gets its own processor
 * record: a vendor's accounts must never give one controller a view of another's links.
 */
export async function addProcessorToOrganisation(deps: OrganisationDeps, controllerOrgId: string, input: AddProcessorInput, by: ChangedBy): Promise<ProcessorEntryView> {
  const data = parseInput(addProcessorBody, input);
  return deps.db.transaction().execute(async (tx) => {
    const controller = await findOrganisationById(tx, controllerOrgId);
    if (!controller || controller.kind !== 'controller') throw notFound('organisation');
    const existing = await listProcessorsOfController(tx, controllerOrgId);
    if (findRepeatedName(existing.map((p) => p.name), [data.name]) >= 0) {
      throw new AppError('validation_failed', 'A processor with this name already works for this organisation.', {
        issues: [{ field: 'name', message: 'a processor with this name is already linked' }],
      });
    }
    const now = deps.clock.now().toISOString();
    const processorOrgId = newId();
    const linkId = newId();
    await insertOrganisation(tx, {
      id: processorOrgId,
      kind: 'processor',
      name: data.name,
      sector: 'other',
      nis2: 'none',
      time_zone: controller.time_zone,
      default_locale: controller.default_locale,
      created_at: now,
    });
    await insertProcessorLink(tx, {
      id: linkId,
      controller_org_id: controllerOrgId,
      processor_org_id: processorOrgId,
      report_deadline_hours: data.reportDeadlineHours,
      contact_email: data.contactEmail ?? null,
      created_at: now,
    });
    await recordAuditEvent(tx, deps.clock, {
      orgId: controllerOrgId,
      actor: by,
      action: 'processor.linked',
      subjectType: 'processor_link',
      subjectId: linkId,
      details: { processorOrgId, reportDeadlineHours: data.reportDeadlineHours },
    });
    return { linkId, orgId: processorOrgId, name: data.name, reportDeadlineHours: data.reportDeadlineHours, contactEmail: data.contactEmail ?? null };
  });
}

function managedOrgId(actor: Actor): string {
  // Denied looks like absent: there is no organisation this actor may change.
  if (!canManageOrganisation(actor)) throw notFound('organisation');
  return actor.orgId;
}

async function addBrandInTx(tx: Tx, deps: OrganisationDeps, orgId: string, name: string, by: ChangedBy, field: string): Promise<BrandView> {
  const existing = await listBrandsOfOrg(tx, orgId);
  if (findRepeatedName(existing.map((b) => b.name), [name]) >= 0) throw duplicateBrand(field);
  const id = newId();
  const outcome = await insertBrand(tx, { id, org_id: orgId, name, created_at: deps.clock.now().toISOString() });
  // A concurrent request may have added the same name between the check and the insert.
  if (outcome === 'duplicate') throw duplicateBrand(field);
  await recordAuditEvent(tx, deps.clock, { orgId, actor: by, action: 'brand.added', subjectType: 'brand', subjectId: id, details: { name } });
  return { id, name };
}

async function loadView(db: DbOrTx, orgId: string, scope: 'full' | 'name_only'): Promise<OrganisationView> {
  const org = await findOrganisationById(db, orgId);
  if (!org) throw notFound('organisation');
  const full = scope === 'full' && org.kind === 'controller';
  const brands = full ? (await listBrandsOfOrg(db, orgId)).map((b) => ({ id: b.id, name: b.name })) : [];
  const processors = full ? (await listProcessorsOfController(db, orgId)).map(toProcessorEntry) : [];
  return {
    id: org.id,
    name: org.name,
    sector: org.sector as Sector,
    nis2: org.nis2 as Nis2Class,
    timeZone: org.time_zone,
    defaultLocale: org.default_locale as Locale,
    brands,
    processors,
  };
}

function toProcessorEntry(row: ProcessorEntryRow): ProcessorEntryView {
  return {
    linkId: row.link_id,
    orgId: row.processor_org_id,
    name: row.name,
    reportDeadlineHours: Number(row.report_deadline_hours),
    contactEmail: row.contact_email,
  };
}
