import { MASK_CHAR } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised date: ISO 8601 calendar date. */
export const ISO_DATE_REGEX_SOURCE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Dutch data writes the day first; `mdy` is for exports from American software. */
export type DayMonthOrder = 'dmy' | 'mdy';

export type DateFormat = 'iso' | 'numeric' | 'two_digit_year' | 'month_name' | 'compact' | 'excel_serial';

export interface ParsedDate {
  /** `YYYY-MM-DD` */
  iso: string;
  format: DateFormat;
}

export interface BirthDateOptions {
  /** "Today" for the plausible range and the two-digit-year pivot. */
  referenceDate: Date;
  order?: DayMonthOrder;
  /** Oldest plausible age in years. */
  maxAge?: number;
}

/** Values that systems write when the real date is unknown; counted as people over 80 they distort. */
export const PLACEHOLDER_DATES: ReadonlySet<string> = new Set([
  '0001-01-01',
  '1800-01-01',
  '1899-12-30',
  '1899-12-31',
  '1900-01-01',
  '9999-12-31',
]);

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, febr: 2, februari: 2, february: 2,
  mrt: 3, maa: 3, mar: 3, maart: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augustus: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;
const YEAR_FIRST_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const WITH_MONTH_NAME = /^(\d{1,2})[\s.-]+([a-z]{3,9})\.?[\s.-]+(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^\d{1,5}(\.0+)?$/;
// A time of midnight, as spreadsheets and databases append to dates.
const MIDNIGHT_SUFFIX = /[ T]00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/i;

function isoFrom(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Excel's day count: serial 1 is 1900-01-01 and serial 60 the non-existent 1900-02-29 (kept from
 * Lotus 1-2-3), so later serials count from 1899-12-30.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > 2_958_465) return null;
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A two-digit year is read as the most recent year not after the reference year: for a birth date
 * `15` means 2015 in 2026, and `30` means 1930. People over 100 get the wrong century; the format is
 * reported so that a column of them can be flagged.
 */
function expandTwoDigitYear(twoDigits: number, referenceYear: number): number {
  const candidate = Math.floor(referenceYear / 100) * 100 + twoDigits;
  return candidate > referenceYear ? candidate - 100 : candidate;
}

export function parseDate(value: string, options: BirthDateOptions): ParsedDate | null {
  if (value.length > 40) return null;
  const text = value.trim().toLowerCase().replace(MIDNIGHT_SUFFIX, '');
  const order = options.order ?? 'dmy';
  const referenceYear = options.referenceDate.getUTCFullYear();
  let match = ISO.exec(text) ?? YEAR_FIRST_SLASH.exec(text);
  if (match) {
    const iso = isoFrom(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso === null ? null : { iso, format: 'iso' };
  }
  match = NUMERIC.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const yearText = match[3] ?? '';
    const twoDigit = yearText.length === 2;
    const year = twoDigit ? expandTwoDigitYear(Number(yearText), referenceYear) : Number(yearText);
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    const iso = isoFrom(year, month, day);
    return iso === null ? null : { iso, format: twoDigit ? 'two_digit_year' : 'numeric' };
  }
  match = WITH_MONTH_NAME.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[2] ?? ''];
    const iso = month === undefined ? null : isoFrom(Number(match[3]), month, Number(match[1]));
    return iso === null ? null : { iso, format: 'month_name' };
  }
  match = COMPACT.exec(text);
  if (match) {
    const iso = isoFrom(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso === null ? null : { iso, format: 'compact' };
  }
  if (EXCEL_SERIAL.test(text)) {
    const iso = excelSerialToIso(Math.trunc(Number(text)));
    return iso === null ? null : { iso, format: 'excel_serial' };
  }
  return null;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function validateBirthDate(value: string, options: BirthDateOptions): Validation {
  const parsed = parseDate(value, options);
  if (parsed === null) return invalid('not_a_date');
  if (PLACEHOLDER_DATES.has(parsed.iso)) return invalid('placeholder_date');
  const today = isoDay(options.referenceDate);
  const oldest = `${String(options.referenceDate.getUTCFullYear() - (options.maxAge ?? 120)).padStart(4, '0')}${today.slice(4)}`;
  if (parsed.iso > today) return invalid('in_the_future');
  if (parsed.iso < oldest) return invalid('implausibly_old');
  return VALID;
}

/**
 * Decides a column's day-month order from its values: any first part above 12 proves day-first, any
 * second part above 12 proves month-first; both or neither leaves it open.
 */
export function detectDayMonthOrder(values: readonly string[]): DayMonthOrder | 'ambiguous' {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = NUMERIC.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return 'ambiguous';
  return dayFirst ? 'dmy' : 'mdy';
}

/** Age in whole years on the reference date. */
export function ageOn(isoDate: string, referenceDate: Date): number {
  const today = isoDay(referenceDate);
  const years = Number(today.slice(0, 4)) - Number(isoDate.slice(0, 4));
  return today.slice(5) < isoDate.slice(5) ? years - 1 : years;
}

/** Keeps the decade: enough to see an age band, not enough to find the person. */
export function maskBirthDate(iso: string): string {
  return `${iso.slice(0, 3)}${MASK_CHAR}-${MASK_CHAR.repeat(2)}-${MASK_CHAR.repeat(2)}`;
}

export function createBirthDateRecognizer(options: BirthDateOptions): Recognizer {
  return {
    category: 'birth_date',
    headerSynonyms: [
      'geboortedatum',
      'geboortedat',
      'gebdatum',
      'gebdat',
      'geboren',
      'geboortedag',
      'dob',
      'dateofbirth',
      'birthdate',
      'birthday',
      'birthdt',
      'born',
    ],
    regexSource: ISO_DATE_REGEX_SOURCE,
    // Any date column (contract start, last login) has the same shape.
    needsHeader: true,
    chancePassRate: null,
    normalise: (value) => parseDate(value, options)?.iso ?? null,
    validate: (value) => validateBirthDate(value, options),
    mask: maskBirthDate,
  };
}
