import { stringify } from 'csv-stringify/sync';
import type { RegisterEntry } from './register.schemas.ts';

/** The columns, named as in the API so that an export can be read back by the same names. */
export const registerCsvColumns = [
  'reference',
  'title',
  'state',
  'notABreach',
  'occurredAt',
  'detectedAt',
  'awareAt',
  'cause',
  'categories',
  'personsMin',
  'personsMax',
  'records',
  'riskOutcome',
  'authorityNotifiedAt',
  'authorityReference',
  'notifiedOnTime',
  'delayReason',
  'subjectsInformed',
  'effects',
  'remedialAction',
  'decisionReason',
  'closedAt',
  'closedReason',
  'caseId',
] as const satisfies ReadonlyArray<keyof RegisterEntry>;

const formulaStart = /^[=+\-@\t\r]/;

/**
 * A spreadsheet runs a cell that starts with = + - or @ as a formula; text typed by a reporter must never
 * do that (CSV injection), so such a cell gets a leading single quote.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function cell(value: RegisterEntry[keyof RegisterEntry]): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
  return neutraliseFormula(value);
}

/** RFC 4180: comma separated, CRLF line ends, quotes where needed; a BOM so that spreadsheets read UTF-8. */
export function registerToCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.map((entry) => registerCsvColumns.map((column) => cell(entry[column])));
  // With CRLF as the record end the library leaves a lone LF unquoted; multi-line text must be quoted.
  return stringify([[...registerCsvColumns], ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
