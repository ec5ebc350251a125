/**
 * npm run bench:analyse [-- --rows N] [-- --skip-baseline]
 *
 * Generates a synthetic telecom export (6.2 million rows unless told otherwise) under bench/data/ if
 * absent, analyses it end to end, then runs a plain Node.js streaming baseline (csv-parse and the same
 * recognizers in JavaScript) over the same file, and scores the analysis against the ground truth.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { generateTelecomExport } from '../scripts/generate-telecom-export.ts';
import { analyseDataset, type AnalysisPhase, type AnalysisResult } from '../src/modules/impact/index.ts';
import { createRecognizers } from '../src/modules/impact/recognizers/index.ts';
import { evaluateAgainstTruth } from './evaluate-against-truth.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const rows = Number(argument('rows') ?? 6_200_000);
const referenceDate = new Date('2026-11-24T00:00:00Z');
const dataDir = join(import.meta.dirname, 'data');
const file = join(dataDir, `telecom-${rows}.csv`);
const outputDir = join(dataDir, `telecom-${rows}-analysis`);

function format(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

async function ensureExport(): Promise<void> {
  if (existsSync(file) && existsSync(`${file}.truth.csv`)) return;
  await mkdir(dataDir, { recursive: true });
  const started = performance.now();
  process.stdout.write(`generating ${format(rows)} rows into ${file} ...\n`);
  await generateTelecomExport({ rows, seed: 7, path: file });
  process.stdout.write(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

async function analyse(): Promise<{ result: AnalysisResult; seconds: number; peakRss: number; phases: Map<AnalysisPhase, number> }> {
  await rm(outputDir, { recursive: true, force: true });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  // Seconds per phase, from the progress reports: where the time goes when the total moves.
  const phases = new Map<AnalysisPhase, number>();
  let current: { phase: AnalysisPhase; since: number } | null = null;
  const onProgress = ({ phase }: { phase: AnalysisPhase }) => {
    if (current?.phase === phase) return;
    const now = performance.now();
    if (current) phases.set(current.phase, (phases.get(current.phase) ?? 0) + (now - current.since) / 1000);
    current = { phase, since: now };
  };
  try {
    const result = await analyseDataset({ path: file, referenceDate, outputDir, writeRecordPersons: true, onProgress });
    return { result, seconds: (performance.now() - started) / 1000, peakRss, phases };
  } finally {
    clearInterval(sampler);
  }
}

/** The same work done the plain way: every value of every classified column through its recognizer in JavaScript. */
async function baseline(result: AnalysisResult): Promise<number> {
  const recognizers = new Map(createRecognizers({ referenceDate }).map((r) => [r.category, r]));
  const checks = result.columns.map((c) => (c.category ? (recognizers.get(c.category) ?? null) : null));
  const started = performance.now();
  let valid = 0;
  const parser = createReadStream(file).pipe(parse({ delimiter: result.file.delimiter ?? ';', from_line: 2, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    for (let i = 0; i < checks.length; i += 1) {
      const value = record[i];
      const recognizer = checks[i];
      if (recognizer && value && recognizer.validate(value).valid) valid += 1;
    }
  }
  if (valid === 0) throw new Error('the baseline validated nothing');
  return (performance.now() - started) / 1000;
}

await ensureExport();
const { result, seconds, peakRss, phases } = await analyse();
const t = result.totals;
process.stdout.write(
  [
    '',
    `analysis: ${format(t.rows)} rows (${format(t.unreadableRows)} unreadable), ${format(t.persons)} persons`,
    `  ${seconds.toFixed(1)} s, ${format(t.rows / seconds)} rows/s, peak RSS ${(peakRss / 1024 ** 3).toFixed(2)} GB`,
    `  phases: ${[...phases].map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(', ')}`,
    '',
  ].join('\n'),
);

if (!process.argv.includes('--skip-baseline')) {
  const baselineSeconds = await baseline(result);
  process.stdout.write(
    `baseline (csv-parse + JS recognizers, validation only): ${baselineSeconds.toFixed(1)} s, ${format(t.rows / baselineSeconds)} rows/s; ` +
      `speed ratio analysis / baseline ${(baselineSeconds / seconds).toFixed(2)} (the analysis also links persons and writes the list)\n\n`,
  );
}

const evaluation = await evaluateAgainstTruth(file, result.recordPersonsPath as string);
process.stdout.write('precision / recall against the ground truth:\n');
for (const [category, score] of Object.entries(evaluation.categories)) {
  process.stdout.write(`  ${category.padEnd(12)} precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  (fp ${score.falsePositives}, fn ${score.falseNegatives})\n`);
}
const p = evaluation.persons;
process.stdout.write(
  `  persons      true ${format(p.truePersons)}, found ${format(p.foundPersons)} (${(((p.foundPersons - p.truePersons) / p.truePersons) * 100).toFixed(2)}%), ` +
    `same-person pairs precision ${p.pairPrecision.toFixed(4)} recall ${p.pairRecall.toFixed(4)}\n`,
);
