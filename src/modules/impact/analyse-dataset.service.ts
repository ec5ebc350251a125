import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/app-error.ts';
import type {
  AnalyseDatasetInput,
  AnalysisPhase,
  AnalysisResult,
  ColumnReport,
  LinkRuleReport,
  TextEncoding,
} from './analysis.types.ts';
import { classifyColumn, type ColumnClassification } from './column-classifier.ts';
import { detectTextEncoding, inspectDatasetFile, transcodeToUtf8 } from './dataset-file.ts';
import {
  DatasetRepository,
  SPECIAL_GROUPS,
  VULNERABILITY_GROUPS,
  type ColumnSpec,
  type ResolvedBrandRule,
  type ResolvedSetRules,
} from './dataset.repository.ts';
import { resolvePersons } from './person-resolution.ts';
import { detectDayMonthOrder, headerWords, PERSONAL_DATA_CATEGORIES, type DayMonthOrder, type PersonalDataCategory } from './recognizers/index.ts';

export const AFFECTED_PEOPLE_FILE = 'affected-people.csv';
export const RECORD_PERSONS_FILE = 'record-persons.parquet';
const DEFAULT_MAX_CLUSTER = 20;
const DEFAULT_SAMPLE_ROWS = 2000;
const MAX_UNREADABLE_LISTED = 1000;
/** Header words that name the brand or controller a row belongs to. */
const BRAND_HEADERS = ['merk', 'merknaam', 'brand', 'brandname', 'label', 'handelsmerk', 'controller', 'verwerkingsverantwoordelijke'];

const PHASES: Record<AnalysisPhase, [number, number]> = {
  preparing: [0, 0.05],
  reading: [0.05, 0.45],
  classifying: [0.45, 0.5],
  validating: [0.5, 0.7],
  linking: [0.7, 0.9],
  writing: [0.9, 1],
  done: [1, 1],
};

function decidedBy(c: ColumnClassification, overridden: boolean, category: PersonalDataCategory | null): ColumnReport['decidedBy'] {
  if (overridden) return 'override';
  if (category === null || c.category === null) return 'none';
  if (c.headerCategory === c.category) return c.validationRate >= 0.5 ? 'header_and_content' : 'header';
  return 'content';
}

function round(rate: number): number {
  return Math.round(rate * 1000) / 1000;
}

function findColumn(headers: readonly string[], name: string): number {
  const index = headers.indexOf(name);
  if (index < 0) throw new AppError('validation_failed', `The dataset has no column "${name}".`, { issues: [{ field: 'column', message: `Columns: ${headers.join(', ')}` }] });
  return index;
}

function resolveBrandRule(input: AnalyseDatasetInput, headers: readonly string[]): ResolvedBrandRule {
  const rule = input.brandRule;
  if (rule && 'constant' in rule) return rule;
  if (rule) return { columnIndex: findColumn(headers, rule.column), ...(rule.values ? { values: rule.values } : {}) };
  const index = headers.findIndex((h) => BRAND_HEADERS.includes(headerWords(h).compact));
  return index >= 0 ? { columnIndex: index } : null;
}

function resolveSetRules(input: AnalyseDatasetInput, headers: readonly string[]): ResolvedSetRules {
  const rules = input.setRules ?? {};
  return rules.column ? { ...rules, columnIndex: findColumn(headers, rules.column) } : rules;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The analysis was cancelled.', 'AbortError');
}

/**
 * Reads a breached dataset in place with DuckDB and tells who is in it and what of theirs leaked:
 * column categories, validated identifiers, persons (records linked by identity keys), vulnerable
 * groups, and the affected-people list written to `outputDir`. A failed or cancelled analysis removes
 * everything it wrote.
 */
export async function analyseDataset(input: AnalyseDatasetInput): Promise<AnalysisResult> {
  const started = performance.now();
  const signal = input.signal;
  signal?.throwIfAborted();
  const report = (phase: AnalysisPhase, within = 0) => {
    const [from, to] = PHASES[phase];
    input.onProgress?.({ phase, fraction: round(from + (to - from) * Math.min(1, Math.max(0, within))) });
  };
  report('preparing');
  const file = await inspectDatasetFile(input.path, input.format);
  await mkdir(input.outputDir, { recursive: true });
  const workDir = await mkdtemp(join(input.outputDir, '.analysis-'));
  const affectedPath = join(input.outputDir, AFFECTED_PEOPLE_FILE);
  const recordPersonsPath = input.writeRecordPersons ? join(input.outputDir, RECORD_PERSONS_FILE) : null;
  let repository: DatasetRepository | null = null;
  const onAbort = () => repository?.interrupt();
  signal?.addEventListener('abort', onAbort);
  try {
    let readPath = file.path;
    let encoding: TextEncoding | null = null;
    if (file.format !== 'parquet') {
      encoding = await detectTextEncoding(file.path, signal);
      if (encoding === 'windows-1252') {
        readPath = join(workDir, 'source-utf8.txt');
        await transcodeToUtf8(file.path, readPath, signal);
      }
    }
    await mkdir(join(workDir, 'spill'));
    repository = await DatasetRepository.open(':memory:', { tempDirectory: join(workDir, 'spill') });
    const repo = repository;
    const during = async <T>(phase: AnalysisPhase, work: () => Promise<T>): Promise<T> => {
      signal?.throwIfAborted();
      report(phase);
      const timer = setInterval(() => {
        const done = repo.progress();
        if (done >= 0) report(phase, done / 100);
      }, 250);
      try {
        return await work();
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        throw error;
      } finally {
        clearInterval(timer);
      }
    };

    const loaded = await during('reading', async () => {
      try {
        if (file.format === 'csv') return await repo.loadCsv(readPath, file.delimiter ?? ',');
        if (file.format === 'jsonl') return { ...(await repo.loadJsonLines(readPath)), delimiter: null };
        return { ...(await repo.loadParquet(readPath)), delimiter: null };
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new AppError('validation_failed', `Cannot analyse ${input.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    });
    const headers = loaded.headers;
    const dataRows = await repo.countRows();
    const unreadableRows = await repo.countRejects();

    const { specs, columnReports, order, brand } = await during('classifying', async () => {
      const sample = await repo.sample(headers.length, input.sampleRows ?? DEFAULT_SAMPLE_ROWS);
      const classifications = headers.map((header, i) => classifyColumn(header, sample.map((row) => row[i] ?? ''), { referenceDate: input.referenceDate }));
      const brand = resolveBrandRule(input, headers);
      const brandColumn = brand !== null && 'columnIndex' in brand ? brand.columnIndex : -1;
      const specs: ColumnSpec[] = headers.map((header, index) => {
        const override = input.columnOverrides?.[header];
        if (override !== undefined) return { index, header, category: override };
        // A brand names the controller, not the person ("Telvia" reads like a surname).
        return { index, header, category: index === brandColumn ? null : (classifications[index]?.category ?? null) };
      });
      const dateColumn = specs.find((s) => s.category === 'birth_date');
      const detected = dateColumn ? detectDayMonthOrder(sample.map((row) => row[dateColumn.index] ?? '')) : 'dmy';
      const order: DayMonthOrder = detected === 'mdy' ? 'mdy' : 'dmy';
      return { specs, order, columnReports: classifications, brand };
    });

    const sqlOptions = { referenceDate: input.referenceDate, order };
    const counts = await during('validating', async () => {
      return repo.buildRecords(specs, { ...sqlOptions, brandRule: brand, setRules: resolveSetRules(input, headers) });
    });

    const columns: ColumnReport[] = specs.map((spec) => {
      const c = columnReports[spec.index] as ColumnClassification;
      const overridden = input.columnOverrides?.[spec.header] !== undefined;
      const n = counts.get(spec.index) ?? { nonEmpty: 0, matched: 0, valid: 0 };
      return {
        header: spec.header,
        category: spec.category,
        decidedBy: decidedBy(c, overridden, spec.category),
        headerCategory: c.headerCategory,
        confidence: overridden ? 1 : c.confidence,
        confidenceLevel: overridden ? 'high' : c.confidenceLevel,
        nonEmpty: n.nonEmpty,
        matchRate: n.nonEmpty === 0 ? 0 : round(n.matched / n.nonEmpty),
        validationRate: n.nonEmpty === 0 ? 0 : round(n.valid / n.nonEmpty),
        maskedExamples: spec.category !== c.category ? [] : c.maskedExamples,
        reasons: overridden ? ['Category set by hand.'] : spec.category !== c.category ? ['The column tells the brand of each row.'] : c.reasons,
      };
    });

    const resolution = await during('linking', async () => {
      const { edges, rules } = await repo.linkEdges();
      const resolution = resolvePersons({ recordCount: dataRows, ...edges }, input.maxClusterSize ?? DEFAULT_MAX_CLUSTER);
      const labelsPath = join(workDir, 'person-labels.csv');
      await writePersonLabels(labelsPath, resolution.person);
      await repo.buildPersons(labelsPath, input.referenceDate);
      return { ...resolution, rules };
    });

    const summary = await during('writing', async () => {
      const totals = await repo.personTotals();
      const histograms = {
        records: await repo.histogram('records'),
        age: await repo.histogram('age'),
        brand: await repo.histogram('brand'),
      };
      const affectedColumns = await repo.writeAffectedPeople(affectedPath);
      if (recordPersonsPath) await repo.writeRecordPersons(recordPersonsPath);
      const unreadable = await repo.unreadableRows(MAX_UNREADABLE_LISTED);
      return { totals, histograms, affectedColumns, unreadable };
    });

    const t = summary.totals;
    const pick = (prefix: string, names: readonly string[]) => Object.fromEntries(names.map((g) => [g, t[`${prefix}${g}`] ?? 0]).filter(([, v]) => (v as number) > 0));
    const linkRules: LinkRuleReport[] = (['email', 'mobile_phone', 'bsn', 'iban', 'name_birth_date_postcode'] as const).map((rule) => {
      const found = resolution.rules.find((r) => r.rule === rule);
      return { rule, linkingKeys: found?.linkingKeys ?? 0, sharedKeysNotUsed: found?.sharedKeysNotUsed ?? 0 };
    });
    report('done');
    return {
      file: { path: input.path, format: file.format, encoding, bytes: file.bytes, delimiter: loaded.delimiter },
      referenceDate: input.referenceDate.toISOString().slice(0, 10),
      columns,
      totals: {
        rows: dataRows + unreadableRows,
        dataRows,
        unreadableRows,
        unreadable: summary.unreadable,
        persons: resolution.persons,
        linkRules,
        uncertainMerges: t.uncertain ?? 0,
        cappedClusters: resolution.cappedClusters,
        recordsInCappedClusters: resolution.recordsInCappedClusters,
        recordsPerPerson: summary.histograms.records,
        personsPerCategory: pick('c_', PERSONAL_DATA_CATEGORIES) as Partial<Record<PersonalDataCategory, number>>,
        personsPerSpecialCategory: pick('s_', SPECIAL_GROUPS),
        personsPerBrand: summary.histograms.brand,
        personsPerSet: { confirmed: t.set_confirmed ?? 0, accessed: t.set_accessed ?? 0, could_have_been_queried: t.set_queried ?? 0 },
        ageHistogram: summary.histograms.age,
        vulnerable: {
          minors: t.minors ?? 0,
          aged80Plus: t.aged80 ?? 0,
          financialAdministration: t.v_financial_administration ?? 0,
          debtCounselling: t.v_debt ?? 0,
          paymentArrangement: t.v_payment_arrangement ?? 0,
          health: t.s_health ?? 0,
          noteGroups: pick('v_', VULNERABILITY_GROUPS),
        },
      },
      affectedPeople: { path: affectedPath, rows: resolution.persons, columns: summary.affectedColumns },
      recordPersonsPath,
      seconds: round((performance.now() - started) / 1000),
    };
  } catch (error) {
    await rm(affectedPath, { force: true });
    if (recordPersonsPath) await rm(recordPersonsPath, { force: true });
    if (signal?.aborted) throw abortError(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    repository?.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Only records that are not their own person are written: most records are alone. */
async function writePersonLabels(path: string, person: Int32Array): Promise<void> {
  const out = createWriteStream(path);
  let text = '';
  for (let rid = 0; rid < person.length; rid += 1) {
    const p = person[rid] as number;
    if (p === rid) continue;
    text += `${rid},${p}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
      text = '';
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(text, () => resolve());
  });
}
