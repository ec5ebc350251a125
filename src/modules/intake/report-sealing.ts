import { decryptValue, encryptValue } from '../keys/index.ts';

/**
 * The report columns encrypted at rest: what happened, in the reporter's own words (often with names,
 * addresses and account numbers of the people concerned), and how to reach the reporter.
 */
export interface SealedReportFields {
  description: string;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
}

const sealOptional = (key: Buffer, value: string | null) => (value === null ? null : encryptValue(key, value));
const openOptional = (key: Buffer, value: string | null) => (value === null ? null : decryptValue(key, value));

export function sealReportFields(dataKey: Buffer, fields: SealedReportFields): SealedReportFields {
  return {
    description: encryptValue(dataKey, fields.description),
    reporter_name: sealOptional(dataKey, fields.reporter_name),
    reporter_email: sealOptional(dataKey, fields.reporter_email),
    reporter_phone: sealOptional(dataKey, fields.reporter_phone),
  };
}

/** A row without a data key was written before encryption and is read as it is. */
export function openReportFields<T extends SealedReportFields>(dataKey: Buffer | null, row: T): T {
  if (!dataKey) return row;
  return {
    ...row,
    description: decryptValue(dataKey, row.description),
    reporter_name: openOptional(dataKey, row.reporter_name),
    reporter_email: openOptional(dataKey, row.reporter_email),
    reporter_phone: openOptional(dataKey, row.reporter_phone),
  };
}
