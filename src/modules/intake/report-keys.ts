import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { loadDataKey } from '../keys/index.ts';
import type { ReportRow } from './reports.repository.ts';
import { openReportFields } from './report-sealing.ts';

export type ReportOpener = <T extends ReportRow>(row: T) => Promise<T>;

/** Opens stored report rows, unwrapping each data key once however many rows of a list share it. */
export function createReportOpener(db: DbOrTx, config: Config): ReportOpener {
  const keys = new Map<string, Promise<Buffer>>();
  return async (row) => {
    if (!row.data_key_id) return row;
    let key = keys.get(row.data_key_id);
    if (!key) {
      key = loadDataKey(db, { config }, row.data_key_id).then((dataKey) => dataKey.key);
      keys.set(row.data_key_id, key);
    }
    return openReportFields(await key, row);
  };
}
