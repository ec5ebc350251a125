import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { purgeSteps, type PurgeStep } from './purge-steps.ts';
import { isDueForPurge, purgeDueAt } from './retention-policy.ts';
import { listClosedUnpurgedCases, markCasePurged, updateRetentionDays } from './retention.repository.ts';

export type PurgeDeps = Pick<AppContext, 'db' | 'clock' | 'config' | 'logger'>;

export interface PurgedCase {
  caseId: string;
  orgId: string;
  reference: string;
  closedAt: string;
  dueAt: string;
  /** Items each step removed or blanked, by step name. */
  counts: Record<string, number>;
}

export interface PurgeReport {
  dryRun: boolean;
  cases: PurgedCase[];
}

export interface PurgeOptions {
  dryRun?: boolean;
  orgId?: string;
  steps?: readonly PurgeStep[];
}

/** Raised inside a dry run's transaction so that nothing it did is kept. */
class DryRunRollback extends Error {}

/**
 * Purges the personal data of every case closed longer ago than its organisation's retention period: each
 * step removes its module's share and the case's data keys are shredded last. What the register needs stays:
 * the case row with its facts, dates, decisions and counts. One transaction per case, audited; files leave
 * the disk after commit. A dry run does all of it and rolls back, so its counts are the real ones.
 */
export async function purgeExpiredCases(deps: PurgeDeps, options: PurgeOptions = {}): Promise<PurgeReport> {
  const now = deps.clock.now();
  const steps = options.steps ?? purgeSteps;
  const due = (await listClosedUnpurgedCases(deps.db, options.orgId)).filter((c) => isDueForPurge(c.closed_at, c.retention_days, now));
  const purged: PurgedCase[] = [];
  for (const row of due) {
    const afterCommit: Array<() => Promise<void>> = [];
    const counts: Record<string, number> = {};
    try {
      await deps.db.transaction().execute(async (tx) => {
        for (const step of steps) {
          counts[step.name] = await step.run(tx, { orgId: row.org_id, caseId: row.id }, { config: deps.config, afterCommit: (task) => afterCommit.push(task) });
        }
        await markCasePurged(tx, row.id, now.toISOString());
        await recordAuditEvent(tx, deps.clock, {
          orgId: row.org_id,
          actor: { label: 'system:retention' },
          action: 'case.personal_data_purged',
          subjectType: 'case',
          subjectId: row.id,
          caseId: row.id,
          details: { retentionDays: row.retention_days, closedAt: row.closed_at, counts },
        });
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (!options.dryRun) {
      for (const task of afterCommit) {
        // The data key is gone, so a file left behind is unreadable; it is logged, not retried forever.
        await task().catch((error: unknown) => deps.logger.warn({ caseId: row.id, err: error }, 'purge: a stored file could not be removed'));
      }
    }
    purged.push({ caseId: row.id, orgId: row.org_id, reference: row.reference, closedAt: row.closed_at, dueAt: purgeDueAt(row.closed_at, row.retention_days).toISOString(), counts });
  }
  return { dryRun: Boolean(options.dryRun), cases: purged };
}

export const maxRetentionDays = 3650;

export async function setRetentionDays(deps: Pick<AppContext, 'db'>, orgId: string, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > maxRetentionDays) {
    throw new AppError('validation_failed', `The retention period must be a whole number of days from 0 to ${maxRetentionDays}.`, {
      issues: [{ field: 'retentionDays', message: `must be 0 to ${maxRetentionDays} days` }],
    });
  }
  if ((await updateRetentionDays(deps.db, orgId, days)) === 0) throw new AppError('not_found', 'This organisation does not exist.');
}
