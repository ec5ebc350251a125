import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { readAffectedPeople, type AffectedPerson } from '../affected-people/index.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { storeFile } from '../files/index.ts';
import { mergeImpactFigures, type FactSources, type ImpactFigures, type RecordedFacts } from '../risk/index.ts';
import { requireParquetSignature } from './dataset-file.ts';
import { figuresOfResult, unreadableCsv, type StoredAnalysisResult } from './analyses.facts.ts';
import { analyseDatasetJob, runAnalysis } from './analyses.job.ts';
import { mayOnAnalyses, type AnalysisAction } from './analyses.policy.ts';
import {
  findAnalysis,
  findAnalysisOfCase,
  findCaseById,
  findCaseOfOrg,
  findLatestCompletedAnalysis,
  insertAnalysis,
  listAnalysesOfCase,
  moveAnalysisStatus,
  updateAnalysis,
  updateCaseFacts,
  type AnalysisRow,
} from './analyses.repository.ts';
import { analysisStatuses, columnOverridesBody, type AffectedPersonView, type AnalysisDetail, type AnalysisSummary } from './analyses.schemas.ts';
import type { AnalysisProgress, DatasetFormat } from './analysis.types.ts';
import { maskMiddle, maskWords, type PersonalDataCategory } from './recognizers/index.ts';

export type AnalysesDeps = Pick<AppContext, 'db' | 'clock' | 'config'>;

async function loadCaseFor(db: DbOrTx, actor: Actor, caseId: string, action: AnalysisAction): Promise<CaseRow> {
  if (!mayOnAnalyses(actor, action)) throw notFound('case');
  const row = await findCaseOfOrg(db, actor.orgId, caseId);
  if (!row) throw notFound('case');
  return row;
}

async function loadAnalysisFor(db: DbOrTx, actor: Actor, caseId: string, analysisId: string, action: AnalysisAction): Promise<AnalysisRow> {
  const row = await loadCaseFor(db, actor, caseId, action);
  const analysis = await findAnalysisOfCase(db, actor.orgId, row.id, analysisId);
  if (!analysis) throw notFound('analysis');
  return analysis;
}

export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/**
 * The format of a dataset from its name (or, for Parquet, the declared type), and the content type the
 * encrypted file store accepts for it.
 */
export function datasetFormatOf(name: string, declaredType?: string): { format: DatasetFormat; contentType: string } {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return { format: 'csv', contentType: 'text/csv' };
  if (/\.(jsonl|ndjson)$/.test(lower)) return { format: 'jsonl', contentType: 'application/json' };
  if (lower.endsWith('.parquet') || declaredType === PARQUET_CONTENT_TYPE) return { format: 'parquet', contentType: PARQUET_CONTENT_TYPE };
  throw new AppError('validation_failed', 'Give the dataset as CSV, TSV, JSON Lines or Parquet.', {
    issues: [{ field: 'file', message: 'use a .csv, .tsv, .txt, .jsonl, .ndjson or .parquet file' }],
  });
}

function parseOverrides(text: string): Record<string, PersonalDataCategory | null> {
  return JSON.parse(text) as Record<string, PersonalDataCategory | null>;
}

function toSummary(row: AnalysisRow): AnalysisSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    fileName: row.file_name,
    format: row.format,
    status: analysisStatuses.includes(row.status) ? row.status : 'failed',
    phase: row.phase,
    fraction: Number(row.progress_permille) / 1000,
    error: row.error,
    columnOverrides: parseOverrides(row.column_overrides),
    rerunOf: row.rerun_of,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    appliedAt: row.applied_at,
  };
}

function storedResultOf(row: AnalysisRow): StoredAnalysisResult | null {
  return row.result ? (JSON.parse(row.result) as StoredAnalysisResult) : null;
}

/** Records a queued analysis of a stored dataset and its job, in the caller's transaction. */
export async function queueAnalysis(
  tx: DbOrTx,
  deps: Pick<AppContext, 'clock'>,
  input: { orgId: string; caseId: string; fileId: string; fileName: string; format: DatasetFormat; overrides?: Record<string, PersonalDataCategory | null>; rerunOf?: string | null; createdBy: string | null; enqueue?: boolean },
): Promise<AnalysisRow> {
  const row: AnalysisRow = {
    id: newId(),
    org_id: input.orgId,
    case_id: input.caseId,
    file_id: input.fileId,
    file_name: input.fileName,
    format: input.format,
    status: 'queued',
    phase: null,
    progress_permille: 0,
    cancel_requested: 0,
    column_overrides: JSON.stringify(input.overrides ?? {}),
    result: null,
    error: null,
    rerun_of: input.rerunOf ?? null,
    created_by: input.createdBy,
    created_at: deps.clock.now().toISOString(),
    started_at: null,
    finished_at: null,
    applied_at: null,
  };
  await insertAnalysis(tx, row);
  if (input.enqueue !== false) await enqueueJob(tx, analyseDatasetJob, { analysisId: row.id }, { now: deps.clock.now() });
  return row;
}

/**
 * POST /api/cases/:id/datasets: the dataset streams to disk encrypted under the case's data key; only then
 * does a short transaction record the analysis and its job, so a slow upload of gigabytes never holds the
 * database.
 */
export async function uploadDataset(
  deps: AnalysesDeps,
  actor: Actor,
  caseId: string,
  upload: { name: string; source: Readable; contentType?: string },
): Promise<AnalysisSummary> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'run');
  const { format, contentType } = datasetFormatOf(upload.name, upload.contentType);
  // Parquet arrives as application/octet-stream from most browsers: its signature decides, not the label.
  const source = format === 'parquet' ? pipeline(upload.source, requireParquetSignature(), () => undefined) : upload.source;
  const fileDeps = { config: { ...deps.config, MAX_UPLOAD_BYTES: deps.config.DATASET_MAX_BYTES }, clock: deps.clock };
  const file = await storeFile(deps.db, fileDeps, { orgId: actor.orgId, caseId: row.id, reportId: null, name: upload.name, contentType, uploadedBy: actor.userId, source });
  const analysis = await deps.db.transaction().execute(async (tx) => {
    const queued = await queueAnalysis(tx, deps, { orgId: actor.orgId, caseId: row.id, fileId: file.id, fileName: file.name, format, createdBy: actor.userId });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'impact.dataset_uploaded',
      subjectType: 'analysis',
      subjectId: queued.id,
      caseId: row.id,
      details: { fileId: file.id, name: file.name, sizeBytes: Number(file.size_bytes), sha256: file.sha256 },
    });
    return queued;
  });
  return toSummary(analysis);
}

export async function listAnalyses(deps: AnalysesDeps, actor: Actor, caseId: string): Promise<AnalysisSummary[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  return (await listAnalysesOfCase(deps.db, actor.orgId, row.id)).map(toSummary);
}

export async function getAnalysis(deps: AnalysesDeps, actor: Actor, caseId: string, analysisId: string): Promise<AnalysisDetail> {
  const analysis = await loadAnalysisFor(deps.db, actor, caseId, analysisId, 'read');
  return { ...toSummary(analysis), result: storedResultOf(analysis) as unknown as Record<string, unknown> | null };
}

/** A queued analysis ends at once; a running one is aborted by its worker, which sees the flag. */
export async function cancelAnalysis(deps: AnalysesDeps, actor: Actor, caseId: string, analysisId: string): Promise<AnalysisSummary> {
  const analysis = await loadAnalysisFor(deps.db, actor, caseId, analysisId, 'run');
  if (analysis.status !== 'queued' && analysis.status !== 'running') throw new AppError('conflict', `The analysis is already ${analysis.status}.`);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await updateAnalysis(tx, analysis.id, { cancel_requested: 1 });
    await moveAnalysisStatus(tx, analysis.id, ['queued'], { status: 'cancelled', finished_at: now });
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'impact.analysis_cancelled', subjectType: 'analysis', subjectId: analysis.id, caseId: analysis.case_id });
  });
  return toSummary((await findAnalysisOfCase(deps.db, actor.orgId, analysis.case_id, analysis.id)) ?? analysis);
}

/** PUT .../columns: the same dataset again as a new analysis, with the columns the analyst corrected. */
export async function rerunWithColumns(deps: AnalysesDeps, actor: Actor, caseId: string, analysisId: string, input: unknown): Promise<AnalysisSummary> {
  const parsed = columnOverridesBody.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The column corrections are not valid.', { issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
  }
  const previous = await loadAnalysisFor(deps.db, actor, caseId, analysisId, 'run');
  const overrides = { ...parseOverrides(previous.column_overrides), ...parsed.data.overrides };
  const analysis = await deps.db.transaction().execute(async (tx) => {
    const queued = await queueAnalysis(tx, deps, {
      orgId: actor.orgId,
      caseId: previous.case_id,
      fileId: previous.file_id,
      fileName: previous.file_name,
      format: previous.format,
      overrides,
      rerunOf: previous.id,
      createdBy: actor.userId,
    });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'impact.analysis_rerun',
      subjectType: 'analysis',
      subjectId: queued.id,
      caseId: previous.case_id,
      details: { rerunOf: previous.id, columns: Object.keys(parsed.data.overrides) },
    });
    return queued;
  });
  return toSummary(analysis);
}

export async function unreadableRowsCsv(deps: AnalysesDeps, actor: Actor, caseId: string, analysisId: string): Promise<string> {
  const analysis = await loadAnalysisFor(deps.db, actor, caseId, analysisId, 'read');
  const result = storedResultOf(analysis);
  if (!result) throw new AppError('conflict', 'The analysis has no result yet.');
  return unreadableCsv(result);
}

function maskContact(contact: AffectedPerson['contact']): AffectedPersonView['contact'] {
  const email = contact.email ? contact.email.replace(/^([^@]*)@/, (_m, local: string) => `${maskMiddle(local, 1, 0)}@`) : null;
  return {
    email,
    mobile: contact.mobile ? maskMiddle(contact.mobile, 3, 2) : null,
    address: contact.address ? maskWords(contact.address) : null,
    name: contact.name ? maskWords(contact.name) : null,
  };
}

/**
 * The people the case's latest completed analysis found, a page at a time. Contact details are masked
 * unless an officer asks for them; every unmasked read is audited.
 */
export async function listCaseAffectedPeople(
  deps: AnalysesDeps,
  actor: Actor,
  caseId: string,
  options: { limit: number; after?: string; unmasked: boolean },
): Promise<{ analysisId: string | null; people: AffectedPersonView[]; next: string | null }> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  if (options.unmasked && !mayOnAnalyses(actor, 'read_contacts')) throw notFound('case');
  const latest = await findLatestCompletedAnalysis(deps.db, row.id);
  if (!latest) return { analysisId: null, people: [], next: null };
  const people = await readAffectedPeople(deps.db, deps, { orgId: actor.orgId, caseId: row.id }, { afterId: options.after, limit: options.limit, sourceId: latest.id });
  if (options.unmasked) {
    await deps.db.transaction().execute((tx) =>
      recordAuditEvent(tx, deps.clock, {
        orgId: actor.orgId,
        actor,
        action: 'affected_people.read',
        subjectType: 'case',
        subjectId: row.id,
        caseId: row.id,
        details: { analysisId: latest.id, count: people.length, after: options.after ?? null },
      }),
    );
  }
  return {
    analysisId: latest.id,
    people: people.map((person) => ({
      id: person.id,
      set: person.set,
      language: person.language,
      brands: person.brands,
      categories: person.categories,
      specialCategories: person.specialCategories,
      vulnerable: person.vulnerable,
      records: person.records,
      masked: !options.unmasked,
      contact: options.unmasked ? person.contact : maskContact(person.contact),
    })),
    next: people.length === options.limit ? (people.at(-1)?.id ?? null) : null,
  };
}

/**
 * POST .../apply: lays the measured figures over the case facts (counts replace estimates, categories and
 * vulnerable groups are joined) and names the analysis as the source of each.
 */
export async function applyAnalysisToFacts(deps: AnalysesDeps, actor: Actor, caseId: string, analysisId: string): Promise<{ facts: RecordedFacts; factSources: FactSources }> {
  return deps.db.transaction().execute(async (tx) => {
    const analysis = await loadAnalysisFor(tx, actor, caseId, analysisId, 'apply');
    const result = storedResultOf(analysis);
    if (analysis.status !== 'completed' || !result) throw new AppError('conflict', 'Only a completed analysis can be applied to the case facts.');
    const current = await findCaseOfOrg(tx, actor.orgId, analysis.case_id);
    if (!current) throw notFound('case');
    const now = deps.clock.now().toISOString();
    const figures = figuresOfResult(result, analysis.finished_at ?? now);
    const merged = mergeImpactFigures(parseObject(current.facts), parseObject(current.fact_sources) as FactSources, figures);
    const factSources: FactSources = { ...merged.sources };
    for (const key of ['categories', 'subjects', 'records', 'vulnerable']) {
      factSources[`data.${key}`] = { source: 'analysis', analysisId: analysis.id, by: actor.userId, at: now } as FactSources[string];
    }
    await updateCaseFacts(tx, analysis.case_id, { facts: JSON.stringify(merged.facts), fact_sources: JSON.stringify(factSources), updated_at: now });
    await updateAnalysis(tx, analysis.id, { applied_at: now });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'case.facts_changed',
      subjectType: 'case',
      subjectId: analysis.case_id,
      caseId: analysis.case_id,
      details: { paths: ['data.categories', 'data.subjects', 'data.records', 'data.vulnerable'], analysisId: analysis.id },
    });
    return { facts: merged.facts, factSources };
  });
}

/** The figures of the case's latest completed analysis, for the risk decision; null when there is none. */
export async function latestImpactFigures(db: DbOrTx, caseId: string): Promise<ImpactFigures | null> {
  const latest = await findLatestCompletedAnalysis(db, caseId);
  const result = latest ? storedResultOf(latest) : null;
  if (!latest || !result) return null;
  return figuresOfResult(result, latest.finished_at ?? latest.created_at);
}

function parseObject(text: string | null | undefined): RecordedFacts {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as RecordedFacts) : {};
}

/**
 * `breachdesk analyse FILE --case ID`: stores the dataset on the case encrypted and runs the analysis in
 * this process, exactly as an upload's job would, so the case shows the same result either way.
 */
export async function analyseFileForCase(
  deps: Pick<AppContext, 'db' | 'clock' | 'config' | 'logger'>,
  input: { caseId: string; path: string; onProgress?: (progress: AnalysisProgress) => void },
): Promise<AnalysisDetail> {
  const row = await findCaseById(deps.db, input.caseId);
  if (!row) throw notFound('case');
  const name = basename(input.path);
  const { format, contentType } = datasetFormatOf(name);
  const fileDeps = { config: { ...deps.config, MAX_UPLOAD_BYTES: deps.config.DATASET_MAX_BYTES }, clock: deps.clock };
  const file = await storeFile(deps.db, fileDeps, { orgId: row.org_id, caseId: row.id, reportId: null, name, contentType, uploadedBy: null, source: createReadStream(input.path) });
  const queued = await deps.db.transaction().execute(async (tx) => {
    const analysis = await queueAnalysis(tx, deps, { orgId: row.org_id, caseId: row.id, fileId: file.id, fileName: file.name, format, createdBy: null, enqueue: false });
    await recordAuditEvent(tx, deps.clock, {
      orgId: row.org_id,
      actor: { label: 'cli' },
      action: 'impact.dataset_uploaded',
      subjectType: 'analysis',
      subjectId: analysis.id,
      caseId: row.id,
      details: { fileId: file.id, name: file.name, sizeBytes: Number(file.size_bytes), sha256: file.sha256 },
    });
    return analysis;
  });
  try {
    await runAnalysis(deps, queued.id, { onProgress: input.onProgress });
  } catch (error) {
    // A failed analysis carries its reason, shown to the caller as on the case page; anything else is thrown.
    if ((await findAnalysis(deps.db, queued.id))?.status !== 'failed') throw error;
  }
  const done = (await findAnalysis(deps.db, queued.id)) ?? queued;
  return { ...toSummary(done), result: storedResultOf(done) as unknown as Record<string, unknown> | null };
}
