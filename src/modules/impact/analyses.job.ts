import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { defineJob, skipJob } from '../../jobs/job-definition.ts';
import { replaceAffectedPeopleOfSource, storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { openFile } from '../files/index.ts';
import { personOfRow, toStoredResult } from './analyses.facts.ts';
import { findAnalysis, findCaseById, isCancelRequested, listAnalysisIdsOfFile, moveAnalysisStatus, updateAnalysis, type AnalysisRow } from './analyses.repository.ts';
import { analyseDataset } from './analyse-dataset.service.ts';
import type { AnalysisProgress } from './analysis.types.ts';
import type { PersonalDataCategory } from './recognizers/index.ts';

/** People are written in batches of this size, all in the one transaction that completes the analysis. */
export const STORE_BATCH_SIZE = 5_000;
/** Progress is written at most this often; the page polls it. */
const PROGRESS_INTERVAL_MS = 500;
const CANCEL_POLL_MS = 1_000;

export const analyseDatasetPayload = z.object({ analysisId: z.string().min(1) });

type RunDeps = Pick<AppContext, 'db' | 'clock' | 'config' | 'logger'>;

class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
  }
}

/**
 * Runs one queued analysis: the dataset is decrypted to a private temporary folder, analysed, and its
 * result and people stored in one transaction. A failure or a cancel leaves the case as it was; the
 * plaintext is removed in every case.
 */
export async function runAnalysis(deps: RunDeps, analysisId: string, options: { onProgress?: (progress: AnalysisProgress) => void } = {}): Promise<'completed' | 'cancelled' | 'skipped'> {
  const analysis = await findAnalysis(deps.db, analysisId);
  if (!analysis) return 'skipped';
  const started = await moveAnalysisStatus(deps.db, analysis.id, ['queued'], { status: 'running', phase: 'preparing', started_at: deps.clock.now().toISOString() });
  if (!started) return 'skipped';
  const caseRow = await findCaseById(deps.db, analysis.case_id);
  const tmpRoot = path.resolve(deps.config.DATA_DIR, 'tmp');
  await mkdir(tmpRoot, { recursive: true, mode: 0o700 });
  const workDir = await mkdtemp(path.join(tmpRoot, 'analysis-'));
  const controller = new AbortController();
  const cancelWatch = setInterval(() => {
    isCancelRequested(deps.db, analysis.id).then(
      (cancelled) => cancelled && controller.abort(new AnalysisCancelled()),
      () => undefined,
    );
  }, CANCEL_POLL_MS);
  let progressWrite: Promise<void> = Promise.resolve();
  try {
    const datasetPath = path.join(workDir, `dataset.${analysis.format === 'jsonl' ? 'jsonl' : analysis.format}`);
    const opened = await openFile(deps.db, deps, analysis.org_id, analysis.file_id);
    await pipeline(opened.stream, createWriteStream(datasetPath, { mode: 0o600 }), { signal: controller.signal });
    await chmod(datasetPath, 0o600);
    let lastWrite = 0;
    const onProgress = (progress: AnalysisProgress) => {
      options.onProgress?.(progress);
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS && progress.phase !== 'done') return;
      lastWrite = now;
      progressWrite = progressWrite.then(() =>
        updateAnalysis(deps.db, analysis.id, { phase: progress.phase, progress_permille: Math.round(Math.min(1, Math.max(0, progress.fraction)) * 1000) }).catch(() => undefined),
      );
    };
    const result = await analyseDataset({
      path: datasetPath,
      format: analysis.format,
      referenceDate: new Date(caseRow?.occurred_at ?? caseRow?.aware_at ?? deps.clock.now().toISOString()),
      columnOverrides: JSON.parse(analysis.column_overrides) as Record<string, PersonalDataCategory | null>,
      onProgress,
      signal: controller.signal,
      outputDir: path.join(workDir, 'out'),
    });
    await rm(datasetPath, { force: true });
    await progressWrite;
    if (await isCancelRequested(deps.db, analysis.id)) throw new AnalysisCancelled();
    const stored = toStoredResult(result, analysis.file_name);
    await deps.db.transaction().execute(async (tx) => {
      for (const sourceId of await listAnalysisIdsOfFile(tx, analysis.case_id, analysis.file_id)) {
        await replaceAffectedPeopleOfSource(tx, { orgId: analysis.org_id, caseId: analysis.case_id, sourceId });
      }
      await storePeopleFromCsv(tx, deps, analysis, result.affectedPeople.path);
      const completed = await moveAnalysisStatus(tx, analysis.id, ['running'], {
        status: 'completed',
        phase: 'done',
        progress_permille: 1000,
        result: JSON.stringify(stored),
        finished_at: deps.clock.now().toISOString(),
      });
      if (!completed) throw new AnalysisCancelled();
    });
    return 'completed';
  } catch (error) {
    await progressWrite;
    const cancelled = error instanceof AnalysisCancelled || controller.signal.aborted || (await isCancelRequested(deps.db, analysis.id));
    await updateAnalysis(deps.db, analysis.id, {
      status: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? null : describeFailure(error, workDir),
      finished_at: deps.clock.now().toISOString(),
    });
    if (cancelled) return 'cancelled';
    throw error;
  } finally {
    clearInterval(cancelWatch);
    await rm(workDir, { recursive: true, force: true });
  }
}

async function storePeopleFromCsv(tx: Parameters<typeof storeAffectedPeople>[0], deps: RunDeps, analysis: AnalysisRow, csvPath: string): Promise<void> {
  const ref = { orgId: analysis.org_id, caseId: analysis.case_id, sourceId: analysis.id };
  const parser = createReadStream(csvPath).pipe(parse({ columns: true, skip_empty_lines: true }));
  let batch: AffectedPersonInput[] = [];
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    batch.push(personOfRow(row));
    if (batch.length >= STORE_BATCH_SIZE) {
      await storeAffectedPeople(tx, deps, ref, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await storeAffectedPeople(tx, deps, ref, batch);
}

/** The reason shown on the page: the engine's message names the problem with the file, never its rows. */
function describeFailure(error: unknown, workDir: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replaceAll(workDir, '(dataset)').slice(0, 500);
}

/**
 * One attempt only: a failed analysis is shown with its reason and re-run by the analyst, not retried
 * behind their back.
 */
export const analyseDatasetJob = defineJob({
  name: 'analyse-dataset',
  payload: analyseDatasetPayload,
  maxAttempts: 1,
  async handle(payload, ctx) {
    const outcome = await runAnalysis(ctx, payload.analysisId);
    if (outcome === 'skipped') return skipJob('analysis is gone or no longer queued');
    if (outcome === 'cancelled') return skipJob('analysis was cancelled');
  },
});
