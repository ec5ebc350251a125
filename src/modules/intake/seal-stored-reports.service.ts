import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../shared/time.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { sealReportFields } from './report-sealing.ts';
import { listUnsealedReports, sealStoredReport } from './reports.repository.ts';

export interface SealReport {
  /** Reports now encrypted. */
  sealed: number;
  /** Reports that changed while being read (a purge cleared their contact details); the next run takes them up. */
  changed: number;
}

/**
 * Encrypts the reports written before encryption existed, a batch per transaction, while Breachdesk keeps
 * running: each row is written only if nobody changed it since it was read. Run by `breachdesk keys rotate`
 * (see migration 0015 for why not by the migration); a repeated run finds nothing left to do.
 */
export async function sealStoredReports(db: Db, deps: { config: Config; clock: Clock }, options: { batchSize?: number } = {}): Promise<SealReport> {
  const batchSize = options.batchSize ?? 500;
  let sealed = 0;
  let changed = 0;
  let afterId = '';
  for (;;) {
    const batch = await listUnsealedReports(db, afterId, batchSize);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    await db.transaction().execute(async (tx) => {
      for (const report of batch) {
        const dataKey = await getOrCreateDataKey(tx, deps, report.org_id, null);
        if (await sealStoredReport(tx, report, sealReportFields(dataKey.key, report), dataKey.id)) sealed += 1;
        else changed += 1;
      }
    });
  }
  return { sealed, changed };
}
