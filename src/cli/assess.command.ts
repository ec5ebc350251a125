import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildCaseFactsJsonSchema, buildDecisionReport, parseCaseFacts } from '../modules/risk/index.ts';
import { AppError } from '../shared/app-error.ts';

export function registerAssessCommand(program: Command): void {
  program
    .command('assess')
    .description('Assess the risk of a breach from a case-facts JSON file and print the decision as JSON.')
    .argument('[file]', 'case-facts JSON file (see docs/case-facts.md)')
    .option('--schema', 'print the JSON Schema of the case-facts format instead')
    .action(async (file: string | undefined, options: { schema?: boolean }) => {
      if (options.schema) {
        process.stdout.write(`${JSON.stringify(buildCaseFactsJsonSchema(), null, 2)}\n`);
        return;
      }
      if (!file) throw new AppError('validation_failed', 'Give the case-facts file to assess, e.g. `breachdesk assess facts.json`.');
      const output = buildDecisionReport(parseCaseFacts(await readJson(file)));
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    });
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('validation_failed', `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('validation_failed', `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
