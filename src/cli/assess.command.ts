import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { computeDeadlines, type Obligation } from '../modules/clocks/index.ts';
import { assessBreach, buildCaseFactsJsonSchema, parseCaseFacts, type CaseFacts } from '../modules/risk/index.ts';
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
      const facts = parseCaseFacts(await readJson(file));
      const decision = assessBreach(facts);
      const output = {
        severity: decision.severity,
        risk: decision.risk,
        notify_authority: decision.notify_authority,
        notify_subjects: decision.notify_subjects,
        public_communication: decision.public_communication,
        exceptions: decision.exceptions,
        deadlines: deadlinesFor(facts, decision.risk),
        reasons: decision.reasons,
        factors: decision.factors,
      };
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

/**
 * Due moments of every clock that can apply. The status of each clock depends on the time of asking, so
 * it is left out: the same facts always print the same deadlines.
 */
function deadlinesFor(facts: CaseFacts, risk: 'none' | 'risk' | 'high') {
  const awareAt = facts.breach.aware_at;
  if (!awareAt) return [];
  const obligations = computeDeadlines(
    {
      profile: { sector: facts.sector, nis2: facts.nis2 },
      awareAt: new Date(awareAt).toISOString(),
      ...(facts.breach.detected_at ? { detectedAt: new Date(facts.breach.detected_at).toISOString() } : {}),
      riskOutcome: risk,
    },
    new Date(awareAt),
  );
  return obligations.map((obligation: Obligation) => ({
    id: obligation.id,
    legal_basis: obligation.legalBasis,
    recipient: obligation.recipient,
    starts_from: obligation.startsFrom,
    started_at: obligation.startedAt,
    due_at: obligation.dueAt,
    applies: obligation.status !== 'not_applicable',
    not_applicable_reason: obligation.notApplicableReason,
  }));
}
