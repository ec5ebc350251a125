import type { Config } from '../../config/config.ts';
import type { Tx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/time.ts';
import { loadCaseDeadlines } from './case-clocks.service.ts';
import { validatePartialFacts } from './case-facts-input.ts';
import { findCaseOfOrg } from './cases.repository.ts';
import { scheduleDeadlineReminders } from './deadline-reminder.job.ts';
import { openCase } from './open-case.ts';

export interface CaseFromReportInput {
  orgId: string;
  title: string;
  summary: string;
  awareAt: string | null;
  detectedAt: string | null;
  occurredAt: string | null;
  /** Triage found no personal data breach: the case is opened closed, so that it stays in the register. */
  notABreach: boolean;
  closedReason: string | null;
  /** Partial case facts taken from the report (categories, numbers of people, ...). */
  facts: object;
}

/**
 * Turns a triaged report into a case inside the intake's transaction: in triage with the triaging person as
 * owner, or closed as "not a personal data breach" with the reason. Facts taken over from the report are
 * recorded as coming from the report.
 */
export async function createCaseFromReport(
  tx: Tx,
  deps: { config: Config; clock: Clock },
  actor: Actor,
  input: CaseFromReportInput,
): Promise<{ id: string; reference: string }> {
  if (input.notABreach && !(input.closedReason ?? '').trim()) {
    throw new AppError('validation_failed', 'Say why this is not a personal data breach.', { issues: [{ field: 'reason', message: 'must not be empty' }] });
  }
  const facts = validatePartialFacts(input.facts);
  const row = await openCase(
    tx,
    deps,
    {
      orgId: input.orgId,
      title: input.title.trim().slice(0, 300) || 'Report',
      summary: input.summary.slice(0, 20_000),
      state: input.notABreach ? 'closed' : 'triage',
      awareAt: input.awareAt,
      detectedAt: input.detectedAt,
      occurredAt: input.occurredAt,
      ownerUserId: actor.userId,
      brandIds: [],
      notABreach: input.notABreach,
      closedReason: input.notABreach ? (input.closedReason ?? '').trim() : null,
      facts,
      factSource: { source: 'report', by: actor.userId },
    },
    actor,
  );
  return { id: row.id, reference: row.reference };
}

/** The case a report is to be attached to; another organisation's case answers as missing. */
export async function getCaseForAttach(tx: Tx, orgId: string, caseId: string): Promise<{ id: string; reference: string; state: string }> {
  const row = await findCaseOfOrg(tx, orgId, caseId);
  if (!row) throw notFound('case');
  return { id: row.id, reference: row.reference, state: row.state };
}

/**
 * Plans reminders again after something outside this module changed a case's clocks (a processor report
 * attached to it, for instance). Call it in the same transaction as that change.
 */
export async function refreshCaseReminders(tx: Tx, deps: { clock: Clock }, orgId: string, caseId: string): Promise<void> {
  const row = await findCaseOfOrg(tx, orgId, caseId);
  if (!row || row.state === 'closed') return;
  const now = deps.clock.now();
  await scheduleDeadlineReminders(tx, row.id, await loadCaseDeadlines(tx, row, now), now);
}
