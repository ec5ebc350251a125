import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import type { Tx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId, newSecretToken } from '../../shared/ids.ts';
import { auditActorOf } from '../api-tokens/index.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { listFilesOfReport, storeFile, toFileView, type FileView } from '../files/index.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { organisationSlug, uniqueSlug } from './organisation-slug.ts';
import { reportConfirmationJob } from './report-confirmation.job.ts';
import { createReportOpener } from './report-keys.ts';
import { newReportReference } from './report-reference.ts';
import { sealReportFields } from './report-sealing.ts';
import { canIssueProcessorReportLinks, canReport, readableReports } from './reports.policy.ts';
import {
  findActiveProcessorReportLink,
  findControllerBySlug,
  findOrganisationForIntake,
  findProcessorLinkOfController,
  findReportOfOrg,
  insertProcessorReportLink,
  insertReport,
  listControllerOrganisations,
  listReportsOfOrg,
  setOrganisationSlug,
  slugsLike,
  type PublicOrganisation,
  type ReportWithProcessor,
} from './reports.repository.ts';
import {
  reportInputSchema,
  type CreatedReport,
  type ReportDetailView,
  type ReportInput,
  type ReportSource,
  type ReportSummaryView,
} from './reports.schemas.ts';

export type IntakeDeps = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** An attachment already read and checked by the caller (the public form buffers them before validating). */
export interface IncomingFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** Where a report comes from: decided by the route (public page, session, token, processor link), never by the reporter. */
export interface ReportOrigin {
  orgId: string;
  source: ReportSource;
  locale: 'nl' | 'en';
  reporterUserId: string | null;
  processorOrgId: string | null;
  apiTokenId: string | null;
  auditActor: AuditInput['actor'];
}

export function parseReportInput(input: unknown): ReportInput {
  const result = reportInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  throw new AppError('validation_failed', `The report is invalid: ${issues.map((i) => `${i.field || 'report'}: ${i.message}`).join('; ')}`, { issues });
}

const defaultRoleBySource = { public: 'other', internal: 'staff', processor: 'processor', api: 'other' } as const;

/**
 * Stores a report with its attachments in the caller's transaction, records it in the audit trail and queues
 * the confirmation mail when the reporter left an address. Art. 33(2): a processor's report keeps both the
 * moment the processor became aware and the moment it told the controller (now).
 */
export async function submitReport(tx: Tx, deps: IntakeDeps, origin: ReportOrigin, input: ReportInput, files: IncomingFile[] = []): Promise<CreatedReport> {
  if (origin.source === 'processor' && !input.processorAwareAt) {
    throw new AppError('validation_failed', 'A processor states when it became aware of the breach.', { issues: [{ field: 'processorAwareAt', message: 'required for a processor' }] });
  }
  const now = deps.clock.now();
  const id = newId(now.getTime());
  // Under the organisation's key: the report exists before any case and keeps its key when triaged.
  const dataKey = await getOrCreateDataKey(tx, deps, origin.orgId, null);
  const sealed = sealReportFields(dataKey.key, {
    description: input.description,
    reporter_name: input.reporterName ?? null,
    reporter_email: input.reporterEmail ?? null,
    reporter_phone: input.reporterPhone ?? null,
  });
  const base = {
    id,
    org_id: origin.orgId,
    source: origin.source,
    status: 'new' as const,
    case_id: null,
    reporter_role: origin.source === 'processor' ? ('processor' as const) : (input.reporterRole ?? defaultRoleBySource[origin.source]),
    reporter_org_name: input.reporterOrgName ?? null,
    reporter_name: sealed.reporter_name,
    reporter_email: sealed.reporter_email,
    reporter_phone: sealed.reporter_phone,
    reporter_user_id: origin.reporterUserId,
    processor_org_id: origin.processorOrgId,
    api_token_id: origin.apiTokenId,
    locale: origin.locale,
    description: sealed.description,
    occurred_at: input.occurredAt ?? null,
    discovered_at: input.discoveredAt ?? null,
    ongoing: input.ongoing,
    systems: input.systems,
    data_categories: JSON.stringify(input.dataCategories),
    persons_min: input.personsMin ?? null,
    persons_max: input.personsMax ?? null,
    data_encrypted: input.dataEncrypted,
    processor_aware_at: origin.source === 'processor' ? (input.processorAwareAt ?? null) : null,
    processor_reported_at: origin.source === 'processor' ? now.toISOString() : null,
    triage_reason: null,
    triaged_by: null,
    triaged_at: null,
    created_at: now.toISOString(),
    data_key_id: dataKey.id,
  };
  let reference = newReportReference();
  for (let attempt = 1; (await insertReport(tx, { ...base, reference })) === 'duplicate_reference'; attempt += 1) {
    if (attempt >= 5) throw new AppError('unavailable', 'No free report reference was found; try again.');
    reference = newReportReference();
  }
  for (const file of files) {
    await storeFile(tx, deps, { orgId: origin.orgId, caseId: null, reportId: id, name: file.name, contentType: file.contentType, uploadedBy: origin.reporterUserId, source: Readable.from([file.data]) });
  }
  await recordAuditEvent(tx, deps.clock, {
    orgId: origin.orgId,
    actor: origin.auditActor,
    action: 'report.received',
    subjectType: 'report',
    subjectId: id,
    details: { reference, source: origin.source, files: files.length },
  });
  if (input.reporterEmail) await enqueueJob(tx, reportConfirmationJob, { reportId: id }, { now });
  return { id, reference, status: 'new' };
}

/** POST /api/reports: a signed-in user (internal, or processor for a processor account) or an API token (api). */
export async function createReport(deps: IntakeDeps, actor: Actor, body: unknown): Promise<CreatedReport> {
  if (!canReport(actor)) throw notFound('report');
  if (actor.role === 'processor' && !actor.processorOrgId) throw notFound('report');
  const input = parseReportInput(body);
  const source: ReportSource = actor.apiTokenId ? 'api' : actor.role === 'processor' ? 'processor' : 'internal';
  const origin: ReportOrigin = {
    orgId: actor.orgId,
    source,
    locale: actor.locale,
    reporterUserId: actor.apiTokenId ? null : actor.userId,
    processorOrgId: source === 'processor' ? actor.processorOrgId : null,
    apiTokenId: actor.apiTokenId ?? null,
    auditActor: auditActorOf(actor),
  };
  return deps.db.transaction().execute((tx) => submitReport(tx, deps, origin, input));
}

async function findReadableReport(deps: Pick<IntakeDeps, 'db'>, actor: Actor, id: string): Promise<ReportWithProcessor> {
  const scope = readableReports(actor);
  const row = scope ? await findReportOfOrg(deps.db, actor.orgId, id) : undefined;
  if (!row || !scope) throw notFound('report');
  if (scope.reporterUserId !== undefined && row.reporter_user_id !== scope.reporterUserId) throw notFound('report');
  if (scope.processorOrgId !== undefined && row.processor_org_id !== scope.processorOrgId) throw notFound('report');
  return row;
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

function toSummary(row: ReportWithProcessor): ReportSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    source: row.source,
    status: row.status,
    reporterRole: row.reporter_role,
    excerpt: excerptOf(row.description),
    dataCategories: JSON.parse(row.data_categories) as string[],
    personsMin: row.persons_min === null ? null : Number(row.persons_min),
    personsMax: row.persons_max === null ? null : Number(row.persons_max),
    processorName: row.processor_name,
    caseId: row.case_id,
    createdAt: row.created_at,
  };
}

export async function listReports(deps: Pick<IntakeDeps, 'db' | 'config'>, actor: Actor, filter: { status?: ReportSummaryView['status'] }): Promise<ReportSummaryView[]> {
  const scope = readableReports(actor);
  if (!scope) throw notFound('report');
  const rows = await listReportsOfOrg(deps.db, actor.orgId, { ...scope, ...(filter.status ? { status: filter.status } : {}) });
  const open = createReportOpener(deps.db, deps.config);
  const summaries: ReportSummaryView[] = [];
  for (const row of rows) summaries.push(toSummary(await open(row)));
  return summaries;
}

/** One report in full. Its reporter's contact details are personal data: showing them is audited. */
export async function getReport(deps: IntakeDeps, actor: Actor, id: string): Promise<ReportDetailView> {
  const row = await createReportOpener(deps.db, deps.config)(await findReadableReport(deps, actor, id));
  const files: FileView[] = (await listFilesOfReport(deps.db, actor.orgId, id)).map(toFileView);
  if (row.reporter_name || row.reporter_email || row.reporter_phone) {
    await deps.db.transaction().execute((tx) =>
      recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'report.contact_viewed', subjectType: 'report', subjectId: id, caseId: row.case_id }),
    );
  }
  return {
    ...toSummary(row),
    description: row.description,
    occurredAt: row.occurred_at,
    discoveredAt: row.discovered_at,
    ongoing: row.ongoing,
    systems: row.systems,
    dataEncrypted: row.data_encrypted,
    reporterName: row.reporter_name,
    reporterEmail: row.reporter_email,
    reporterPhone: row.reporter_phone,
    reporterOrgName: row.reporter_org_name,
    processorAwareAt: row.processor_aware_at,
    processorReportedAt: row.processor_reported_at,
    triageReason: row.triage_reason,
    files,
  };
}

/**
 * Adds an attachment to a report. A token may add to the reports it opened itself; people to reports they
 * may read, except the read-only auditor. A file on a report already triaged goes straight to its case.
 */
export async function addReportFile(deps: IntakeDeps, actor: Actor, reportId: string, file: { name: string; contentType: string; source: Readable }): Promise<FileView> {
  if (!canReport(actor)) throw notFound('report');
  const row = actor.apiTokenId ? await findReportOfOrg(deps.db, actor.orgId, reportId) : await findReadableReport(deps, actor, reportId);
  if (!row || (actor.apiTokenId && row.api_token_id !== actor.apiTokenId)) throw notFound('report');
  return deps.db.transaction().execute(async (tx) => {
    const stored = await storeFile(tx, deps, { orgId: actor.orgId, caseId: row.case_id, reportId, name: file.name, contentType: file.contentType, uploadedBy: actor.apiTokenId ? null : actor.userId, source: file.source });
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor: auditActorOf(actor), action: 'report.file_added', subjectType: 'report', subjectId: reportId, caseId: row.case_id, details: { fileId: stored.id, sha256: stored.sha256 } });
    return toFileView(stored);
  });
}

/** The organisation's public report page, giving it a slug first if it was created without one. */
export async function ensureOrganisationSlug(deps: Pick<IntakeDeps, 'db'>, org: PublicOrganisation): Promise<string> {
  if (org.slug) return org.slug;
  const base = organisationSlug(org.name);
  const taken = await slugsLike(deps.db, base);
  await setOrganisationSlug(deps.db, org.id, uniqueSlug(base, (candidate) => taken.has(candidate)));
  return (await findOrganisationForIntake(deps.db, org.id))?.slug ?? base;
}

export async function publicReportPageOf(deps: IntakeDeps, orgId: string): Promise<{ slug: string; publicReportUrl: string }> {
  const org = await findOrganisationForIntake(deps.db, orgId);
  if (!org) throw notFound('organisation');
  const slug = await ensureOrganisationSlug(deps, org);
  return { slug, publicReportUrl: new URL(`/report/${encodeURIComponent(slug)}`, deps.config.PUBLIC_URL).toString() };
}

/** The controller organisations that take public reports, each with its slug. */
export async function listReportableOrganisations(deps: Pick<IntakeDeps, 'db'>): Promise<Array<PublicOrganisation & { slug: string }>> {
  const orgs = await listControllerOrganisations(deps.db);
  const result: Array<PublicOrganisation & { slug: string }> = [];
  for (const org of orgs) result.push({ ...org, slug: await ensureOrganisationSlug(deps, org) });
  return result;
}

export async function findReportableOrganisation(deps: Pick<IntakeDeps, 'db'>, slug: string): Promise<PublicOrganisation | undefined> {
  const found = await findControllerBySlug(deps.db, slug);
  if (found) return found;
  // An organisation created after the migration gets its slug on first use.
  return (await listReportableOrganisations(deps)).find((org) => org.slug === slug);
}

export function hashReportLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A signed link a processor uses to report without an account; only the token's hash is kept. */
export async function createProcessorReportLink(deps: IntakeDeps, actor: Actor, linkId: string): Promise<{ url: string }> {
  if (!canIssueProcessorReportLinks(actor)) throw notFound('processor');
  const link = await findProcessorLinkOfController(deps.db, actor.orgId, linkId);
  if (!link) throw notFound('processor');
  const token = newSecretToken();
  const now = deps.clock.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    await insertProcessorReportLink(tx, { id, processor_link_id: link.id, token_hash: hashReportLinkToken(token), created_at: now });
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'processor.report_link_created', subjectType: 'processor_link', subjectId: link.id, details: { reportLinkId: id } });
  });
  return { url: new URL(`/report/processor/${token}`, deps.config.PUBLIC_URL).toString() };
}

export async function resolveProcessorReportLink(deps: Pick<IntakeDeps, 'db'>, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const link = await findActiveProcessorReportLink(deps.db, hashReportLinkToken(token));
  if (!link) return undefined;
  const controller = await findOrganisationForIntake(deps.db, link.controller_org_id);
  return controller ? { ...link, controller } : undefined;
}
