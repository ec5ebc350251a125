import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../bootstrap.ts';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest } from '../db/database.ts';
import { analyseDataset, analyseFileForCase, type AnalysisProgress, type AnalysisResult } from '../modules/impact/index.ts';
import { AppError } from '../shared/app-error.ts';

interface AnalyseOptions {
  json?: boolean;
  case?: string;
  referenceDate?: string;
  out?: string;
}

function parseReferenceDate(text: string | undefined): Date {
  if (text === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new AppError('validation_failed', `--reference-date must be a date as YYYY-MM-DD, not "${text}".`);
  }
  return new Date(`${text}T00:00:00Z`);
}

/** A one-line bar, redrawn in place; only on a terminal, so that logs and pipes stay clean. */
function progressBar(): ((progress: AnalysisProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return ({ phase, fraction }) => {
    const width = 30;
    const filled = Math.round(fraction * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${phase.padEnd(12)}`);
    if (phase === 'done') process.stderr.write('\n');
  };
}

function summaryText(result: AnalysisResult): string {
  const t = result.totals;
  const lines = [
    `${result.file.path} (${result.file.format}${result.file.encoding ? `, ${result.file.encoding}` : ''}${result.file.delimiter ? `, delimiter ${JSON.stringify(result.file.delimiter)}` : ''})`,
    '',
    'Columns:',
    ...result.columns.map(
      (c) =>
        `  ${c.header.padEnd(24)} ${(c.category ?? '-').padEnd(16)} match ${(c.matchRate * 100).toFixed(1).padStart(5)}%  valid ${(c.validationRate * 100).toFixed(1).padStart(5)}%  ${c.confidenceLevel.padEnd(6)} ${c.maskedExamples.slice(0, 2).join(', ')}`,
    ),
    '',
    `Rows: ${t.rows} (${t.dataRows} read, ${t.unreadableRows} unreadable${t.unreadable.length > 0 ? `: lines ${t.unreadable.slice(0, 10).map((u) => u.line).join(', ')}${t.unreadableRows > 10 ? ', ...' : ''}` : ''})`,
    `Persons: ${t.persons} (uncertain merges ${t.uncertainMerges}, capped clusters ${t.cappedClusters} with ${t.recordsInCappedClusters} records)`,
    `Links: ${t.linkRules.map((r) => `${r.rule} ${r.linkingKeys}${r.sharedKeysNotUsed ? ` (+${r.sharedKeysNotUsed} shared, not used)` : ''}`).join('; ')}`,
    `Records per person: ${Object.entries(t.recordsPerPerson).map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    `Persons per category: ${Object.entries(t.personsPerCategory).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Persons per brand: ${Object.entries(t.personsPerBrand).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Sets: confirmed ${t.personsPerSet.confirmed}, accessed ${t.personsPerSet.accessed}, could have been queried ${t.personsPerSet.could_have_been_queried}`,
    `Ages on ${result.referenceDate}: ${Object.entries(t.ageHistogram).map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    `Vulnerable: minors ${t.vulnerable.minors}, 80+ ${t.vulnerable.aged80Plus}, financial administration ${t.vulnerable.financialAdministration}, debt counselling ${t.vulnerable.debtCounselling}, payment arrangements ${t.vulnerable.paymentArrangement}, health ${t.vulnerable.health}`,
    '',
    `Affected-people list: ${result.affectedPeople.path} (${result.affectedPeople.rows} persons)`,
    `Analysed in ${result.seconds} s.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerAnalyseCommand(program: Command): void {
  program
    .command('analyse')
    .description('Analyse a breached dataset (CSV/TSV, JSON Lines or Parquet): columns, persons, vulnerable groups and the affected-people list.')
    .argument('<file>', 'the dataset')
    .option('--json', 'print the summary as JSON')
    .option('--reference-date <date>', 'the breach date (YYYY-MM-DD) for ages; today when absent')
    .option('--out <dir>', 'folder for the affected-people list; a new temporary folder when absent')
    .option('--case <id>', 'store the dataset and the result on this case, with its affected people, as an upload on the case page does')
    .action(async (file: string, options: AnalyseOptions) => {
      if (options.case) return analyseForCase(file, options.case, options);
      const referenceDate = parseReferenceDate(options.referenceDate);
      const outputDir = options.out ? resolve(options.out) : await mkdtemp(join(tmpdir(), 'breachdesk-analysis-'));
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      try {
        const onProgress = progressBar();
        const result = await analyseDataset({ path: file, referenceDate, outputDir, signal: controller.signal, ...(onProgress ? { onProgress } : {}) });
        process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : summaryText(result));
      } finally {
        process.off('SIGINT', cancel);
      }
    });
}

/** With --case the dataset is kept on the case, encrypted, and the breach date is the case's own. */
async function analyseForCase(file: string, caseId: string, options: AnalyseOptions): Promise<void> {
  const ctx = createContext(loadConfig());
  try {
    await migrateToLatest(ctx.db);
    const onProgress = progressBar();
    const analysis = await analyseFileForCase(ctx, { caseId, path: resolve(file), ...(onProgress ? { onProgress } : {}) });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
    } else {
      const totals = (analysis.result as { totals?: AnalysisResult['totals'] } | null)?.totals;
      process.stdout.write(`Analysis ${analysis.id} on case ${caseId}: ${analysis.status}${analysis.error ? ` (${analysis.error})` : ''}\n`);
      if (totals) process.stdout.write(`Rows: ${totals.dataRows} read, ${totals.unreadableRows} unreadable. Persons: ${totals.persons} (uncertain merges ${totals.uncertainMerges}).\n`);
    }
    if (analysis.status !== 'completed') process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}
