import type { FieldIssue } from '../../shared/app-error.ts';
import type { IsoInstant } from '../../shared/time.ts';
import { utcOffsetMs } from '../clocks/index.ts';
import { allowedContentTypes } from '../files/index.ts';
import { dataCategories } from '../risk/index.ts';
import { reportInputSchema, reportLimits, type ReportInput } from './reports.schemas.ts';
import type { IncomingFile } from './reports.service.ts';

/** What the person typed, kept as text so that a form with errors shows it again unchanged. */
export interface PublicFormValues {
  reporterRole: string;
  reporterOrgName: string;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string;
  description: string;
  occurredAt: string;
  discoveredAt: string;
  processorAwareAt: string;
  ongoing: string;
  systems: string;
  dataCategories: string[];
  personsMin: string;
  personsMax: string;
  dataEncrypted: string;
}

export interface UploadedFile extends IncomingFile {
  /** Cut off at the size limit while reading: never stored. */
  truncated: boolean;
}

export const honeypotField = 'website';

const textFields = ['reporterRole', 'reporterOrgName', 'reporterName', 'reporterEmail', 'reporterPhone', 'description', 'occurredAt', 'discoveredAt', 'processorAwareAt', 'ongoing', 'systems', 'personsMin', 'personsMax', 'dataEncrypted'] as const;

export function emptyFormValues(): PublicFormValues {
  return { reporterRole: '', reporterOrgName: '', reporterName: '', reporterEmail: '', reporterPhone: '', description: '', occurredAt: '', discoveredAt: '', processorAwareAt: '', ongoing: 'unknown', systems: '', dataCategories: [], personsMin: '', personsMax: '', dataEncrypted: 'unknown' };
}

function firstText(value: unknown, max: number): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === 'string' ? raw.slice(0, max) : '';
}

/** The submitted fields as text, whatever shape the body had; overlong values are cut, not trusted. */
export function formValuesOf(body: Record<string, unknown>): PublicFormValues {
  const values = emptyFormValues();
  for (const field of textFields) values[field] = firstText(body[field], reportLimits.description + 1);
  const categories = body.dataCategories;
  values.dataCategories = (Array.isArray(categories) ? categories : [categories]).filter((c): c is string => typeof c === 'string').slice(0, dataCategories.length * 2);
  if (!values.ongoing) values.ongoing = 'unknown';
  if (!values.dataEncrypted) values.dataEncrypted = 'unknown';
  return values;
}

export function isHoneypotFilled(body: Record<string, unknown>): boolean {
  return firstText(body[honeypotField], 1000).trim() !== '';
}

/** A `datetime-local` value read as wall-clock time in the organisation's time zone. */
export function wallTimeToInstant(value: string, timeZone: string): string | undefined | null {
  if (!value.trim()) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(guess);
  if (Number.isNaN(guess) || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 1970 || y > 2100) return null;
  const first = guess - utcOffsetMs(new Date(guess).toISOString() as IsoInstant, timeZone);
  return new Date(guess - utcOffsetMs(new Date(first).toISOString() as IsoInstant, timeZone)).toISOString();
}

function countOf(value: string): number | undefined | null {
  if (!value.trim()) return undefined;
  return /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export type PublicFormResult = { ok: true; input: ReportInput; files: IncomingFile[] } | { ok: false; errors: FieldIssue[] };

/**
 * Validates the public form: every problem is reported against its own field so that the page can point at
 * it, and files are checked before anything is stored.
 */
export function validatePublicForm(values: PublicFormValues, files: UploadedFile[], options: { timeZone: string; maxUploadBytes: number; requireProcessorAwareAt: boolean }): PublicFormResult {
  const errors: FieldIssue[] = [];
  const moment = (field: 'occurredAt' | 'discoveredAt' | 'processorAwareAt') => {
    const instant = wallTimeToInstant(values[field], options.timeZone);
    if (instant === null) errors.push({ field, message: 'invalid_date' });
    return instant ?? undefined;
  };
  const count = (field: 'personsMin' | 'personsMax') => {
    const parsed = countOf(values[field]);
    if (parsed === null) errors.push({ field, message: 'invalid_number' });
    return parsed ?? undefined;
  };
  const candidate = {
    description: values.description,
    occurredAt: moment('occurredAt'),
    discoveredAt: moment('discoveredAt'),
    processorAwareAt: moment('processorAwareAt'),
    ongoing: values.ongoing,
    systems: values.systems,
    dataCategories: values.dataCategories,
    personsMin: count('personsMin'),
    personsMax: count('personsMax'),
    dataEncrypted: values.dataEncrypted,
    reporterRole: values.reporterRole || undefined,
    reporterOrgName: values.reporterOrgName,
    reporterName: values.reporterName,
    reporterEmail: values.reporterEmail.trim(),
    reporterPhone: values.reporterPhone,
  };
  // The schema checks the range only once every field is valid; a person should see all problems at once.
  if (candidate.personsMin !== undefined && candidate.personsMax !== undefined && candidate.personsMin > candidate.personsMax) errors.push({ field: 'personsMax', message: 'range' });
  if (options.requireProcessorAwareAt && !candidate.processorAwareAt && !errors.some((e) => e.field === 'processorAwareAt')) errors.push({ field: 'processorAwareAt', message: 'required' });
  if (files.length > reportLimits.files) errors.push({ field: 'attachments', message: 'too_many_files' });
  for (const file of files) {
    if (file.truncated || file.data.length > options.maxUploadBytes) errors.push({ field: 'attachments', message: 'file_too_large' });
    else if (!allowedContentTypes.has(file.contentType)) errors.push({ field: 'attachments', message: 'file_type' });
  }
  const parsed = reportInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'description');
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: field === 'description' && !values.description.trim() ? 'required' : 'invalid' });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, input: parsed.data, files: files.map(({ name, contentType, data }) => ({ name, contentType, data })) };
}

function dedupe(errors: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}
