/**
 * The recognizers' normalisation and checks as DuckDB SQL expressions, so that every row is checked
 * inside the database's vectorised, parallel engine instead of one JavaScript call per value. Each
 * expression follows its recognizer in ./recognizers; where SQL cannot do what the recognizer does
 * (libphonenumber's number ranges, Excel serial dates) the approximation is named at the expression.
 */
import { EMPTY_MARKERS } from './column-classifier.ts';
import {
  createRecognizers,
  DUTCH_IBAN_REGEX_SOURCE,
  DUTCH_ID_DOCUMENT_REGEX_SOURCE,
  IPV4_REGEX_SOURCE,
  LOCALLY_ADMINISTERED_MAC_REGEX_SOURCE,
  PAYMENT_CARD_REGEX_SOURCE,
  DUTCH_MOBILE_REGEX_SOURCE,
  DUTCH_POSTCODE_REGEX_SOURCE,
  E164_REGEX_SOURCE,
  EMAIL_REGEX_SOURCE,
  IBAN_LENGTHS,
  IBAN_REGEX_SOURCE,
  PLACEHOLDER_DATES,
  type DayMonthOrder,
  type PersonalDataCategory,
} from './recognizers/index.ts';

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const LONGEST_EMPTY_MARKER = Math.max(...[...EMPTY_MARKERS].map((m) => m.length));

/**
 * The trimmed value, or NULL for empty values and the markers exports write for "no value". A list
 * lookup behind a length test: an IN list turns into one hash join per column, costly over millions.
 */
export function cleanValueSql(column: string): string {
  const markers = [...EMPTY_MARKERS].map(sqlString).join(', ');
  return `CASE WHEN length(trim(${column})) > ${LONGEST_EMPTY_MARKER} THEN trim(${column}) WHEN list_contains([${markers}], lower(trim(${column}))) THEN NULL ELSE trim(${column}) END`;
}

/** 11-proef over nine digits: weights 9..2 and -1, the sum divisible by 11. */
export function elevenProofSql(nineDigits: string): string {
  const terms = [9, 8, 7, 6, 5, 4, 3, 2].map((w, i) => `${w} * (ascii(substr(${nineDigits}, ${i + 1}, 1)) - 48)`);
  return `((${terms.join(' + ')} - (ascii(substr(${nineDigits}, 9, 1)) - 48)) % 11 = 0)`;
}

/**
 * ISO 7064 mod 97-10 of letters and digits (A = 10 ... Z = 35), one character at a time in integer
 * arithmetic. The text is padded with leading zeros to 34 characters, which leaves the remainder as is.
 */
export function mod97Sql(text: string, length = 34): string {
  let remainder = '0';
  for (let i = 1; i <= length; i += 1) {
    const code = `ascii(substr(${text}, ${i}, 1))`;
    remainder = `((${remainder}) * CASE WHEN ${code} >= 65 THEN 100 ELSE 10 END + CASE WHEN ${code} >= 65 THEN ${code} - 55 ELSE ${code} - 48 END) % 97`;
  }
  return `(${remainder})`;
}

/**
 * Mod 97-10 of a Dutch IBAN (NLkk BBBB 0123456789) from its fixed layout: the bank code's four letters
 * as one eight-digit number, then the ten account digits, then "NL" (2321) and the check digits. Three
 * BIGINT steps instead of thirty-four per-character ones, for the bulk of a Dutch export.
 */
export function dutchIbanMod97Sql(iban: string): string {
  const letter = (position: number) => `(ascii(substr(${iban}, ${position}, 1)) - 55)`;
  const bank = `(${letter(5)} * 1000000 + ${letter(6)} * 10000 + ${letter(7)} * 100 + ${letter(8)})`;
  const withAccount = `((${bank} % 97) * 10000000000 + substr(${iban}, 9, 10)::BIGINT) % 97`;
  return `((${withAccount}) * 1000000 + 232100 + substr(${iban}, 3, 2)::BIGINT) % 97`;
}

const IBAN_LENGTH_MAP = `MAP {${Object.entries(IBAN_LENGTHS)
  .map(([country, length]) => `'${country}': ${length}`)
  .join(', ')}}`;

/** Dutch numbers in the ranges that are issued: geographic, mobile, 085/088 and 097 M2M. */
const DUTCH_VALID_PHONE = '^\\+31([1-57][0-9]{8}|6[1-58][0-9]{7}|8[58][0-9]{7}|97[0-9]{8})$';
const MIDNIGHT_SUFFIX = '[ T]00:00(:00(\\.0+)?)?(Z|[+-]00:?00)?$';

/**
 * One category as stages, each a column of its own so that no expression is copied into another:
 * `compact` tidies the cleaned value, `normalised` gives the canonical value or NULL when the shape
 * does not match, `prepare` derives what the check needs, and `valid` is the check itself.
 */
export interface CategorySql {
  compact(value: string): string;
  normalised(value: string, compacted: string): string;
  prepare?(normalised: string): string;
  valid(normalised: string, prepared: string): string;
}

export interface CategorySqlOptions {
  referenceDate: Date;
  order: DayMonthOrder;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const TWO_DIGIT_YEAR_DATE = '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2})$';
const EXCEL_SERIAL_DATE = '[0-9]{1,5}(\\.0+)?';
/** The last serial Excel has: 9999-12-31. */
const LAST_EXCEL_SERIAL = 2_958_465;

/**
 * A two-digit year as the most recent year not after the reference year (birth-date recognizer):
 * "15" is 2015 and "30" is 1930 in 2026.
 */
function twoDigitYearDateSql(text: string, options: CategorySqlOptions): string {
  const part = (group: number) => `regexp_extract(${text}, '${TWO_DIGIT_YEAR_DATE}', ${group})`;
  const referenceYear = options.referenceDate.getUTCFullYear();
  const candidate = `(${Math.floor(referenceYear / 100) * 100} + ${part(3)}::INTEGER)`;
  const year = `CASE WHEN ${candidate} > ${referenceYear} THEN ${candidate} - 100 ELSE ${candidate} END`;
  const [day, month] = options.order === 'mdy' ? [part(2), part(1)] : [part(1), part(2)];
  return `try_strptime(${day} || '-' || ${month} || '-' || lpad(${year}::VARCHAR, 4, '0'), '%d-%m-%Y')::DATE`;
}

/** Excel's day count: serial 60 is the 1900-02-29 that never was, so later serials count from 1899-12-30. */
function excelSerialDateSql(text: string): string {
  const serial = `floor(${text}::DOUBLE)::INTEGER`;
  return (
    `CASE WHEN ${serial} < 1 OR ${serial} = 60 OR ${serial} > ${LAST_EXCEL_SERIAL} THEN NULL ` +
    `WHEN ${serial} < 60 THEN DATE '1899-12-31' + ${serial} ELSE DATE '1899-12-30' + ${serial} END`
  );
}

function birthDateSql(options: CategorySqlOptions): CategorySql {
  const dayMonth = options.order === 'mdy' ? ['%m-%d-%Y', '%m/%d/%Y', '%m.%d.%Y'] : ['%d-%m-%Y', '%d/%m/%Y', '%d.%m.%Y'];
  const formats = ['%Y-%m-%d', '%Y/%m/%d', ...dayMonth, '%Y%m%d'].map(sqlString).join(', ');
  const today = isoDay(options.referenceDate);
  const oldest = `${options.referenceDate.getUTCFullYear() - 120}${today.slice(4)}`;
  const placeholders = [...PLACEHOLDER_DATES].map((d) => `DATE ${sqlString(d)}`).join(', ');
  return {
    compact: (v) => `regexp_replace(${v}, '${MIDNIGHT_SUFFIX}', '', 'i')`,
    // Month names are left to the sample classifier.
    normalised: (_v, q) =>
      `CASE WHEN regexp_full_match(${q}, '${TWO_DIGIT_YEAR_DATE.slice(1, -1)}') THEN ${twoDigitYearDateSql(q, options)} ` +
      `WHEN regexp_full_match(${q}, '${EXCEL_SERIAL_DATE}') THEN ${excelSerialDateSql(q)} ` +
      `ELSE try_strptime(${q}, [${formats}])::DATE END`,
    valid: (n) => `(NOT list_contains([${placeholders}], ${n}) AND ${n} <= DATE '${today}' AND ${n} >= DATE '${oldest}')`,
  };
}

const SPECIFIC: Partial<Record<PersonalDataCategory, (options: CategorySqlOptions) => CategorySql>> = {
  email: () => ({
    compact: (v) => `lower(trim(regexp_replace(regexp_replace(${v}, '^mailto:', '', 'i'), '^<(.*)>$', '\\1')))`,
    normalised: (_v, q) => `CASE WHEN length(${q}) <= 254 AND regexp_full_match(${q}, ${sqlString(EMAIL_REGEX_SOURCE.slice(1, -1))}) THEN ${q} END`,
    valid: (n) =>
      `(length(split_part(${n}, '@', 1)) <= 64 AND NOT regexp_matches(split_part(${n}, '@', 1), '^\\.|\\.$|\\.\\.') ` +
      `AND NOT regexp_matches(split_part(${n}, '@', 2), '(^|\\.)-|-(\\.|$)|[^.]{64,}'))`,
  }),
  phone: () => ({
    compact: (v) => `regexp_replace(regexp_replace(${v}, '^tel:', '', 'i'), '[\\s()./-]', '', 'g')`,
    normalised: (v, q) => {
      const e164 = `CASE WHEN starts_with(${q}, '+') THEN ${q} WHEN starts_with(${q}, '00') THEN '+' || substr(${q}, 3) ELSE '+31' || substr(${q}, 2) END`;
      return (
        `CASE WHEN length(${v}) <= 32 AND regexp_full_match(regexp_replace(${v}, '^tel:', '', 'i'), '(\\+|00|0)[0-9\\s()./-]{6,24}') ` +
        `AND regexp_full_match(${e164}, ${sqlString(E164_REGEX_SOURCE.slice(1, -1))}) THEN ${e164} END`
      );
    },
    // Outside the Netherlands only the E.164 length is checked (libphonenumber's ranges are not in SQL).
    valid: (n) => `CASE WHEN starts_with(${n}, '+31') THEN regexp_full_match(${n}, '${DUTCH_VALID_PHONE.slice(1, -1)}') ELSE length(${n}) BETWEEN 9 AND 16 END`,
  }),
  bsn: () => ({
    compact: (v) => `regexp_replace(${v}, '[\\s.-]', '', 'g')`,
    normalised: (v, q) => `CASE WHEN length(${v}) <= 200 AND regexp_full_match(${q}, '[0-9]{8,9}') THEN lpad(${q}, 9, '0') END`,
    valid: (n) => `(${n} <> '000000000' AND ${elevenProofSql(n)})`,
  }),
  iban: () => ({
    compact: (v) => `regexp_replace(regexp_replace(upper(${v}), '^IBAN[:\\s]*', ''), '[\\s.-]', '', 'g')`,
    normalised: (v, q) => `CASE WHEN length(${v}) <= 200 AND regexp_full_match(${q}, ${sqlString(IBAN_REGEX_SOURCE.slice(1, -1))}) THEN ${q} END`,
    prepare: (n) => `lpad(substr(${n}, 5) || substr(${n}, 1, 4), 34, '0')`,
    valid: (n, p) =>
      `(length(${n}) = coalesce(${IBAN_LENGTH_MAP}[substr(${n}, 1, 2)], -1) ` +
      `AND CASE WHEN NOT starts_with(${n}, 'NL') THEN ${mod97Sql(p)} = 1 ` +
      `WHEN regexp_full_match(${n}, ${sqlString(DUTCH_IBAN_REGEX_SOURCE.slice(1, -1))}) THEN ${dutchIbanMod97Sql(n)} = 1 ELSE false END)`,
  }),
  postcode: () => ({
    compact: (v) => `regexp_replace(upper(${v}), '\\s+', '', 'g')`,
    normalised: (_v, q) => `CASE WHEN regexp_full_match(${q}, '[1-9][0-9]{3}[A-Z]{2}') THEN substr(${q}, 1, 4) || ' ' || substr(${q}, 5) END`,
    valid: (n) => `regexp_full_match(${n}, ${sqlString(DUTCH_POSTCODE_REGEX_SOURCE.slice(1, -1))})`,
  }),
  birth_date: birthDateSql,
  // The recognizers' Unicode-class patterns make RE2 build large automata; these cheaper checks say the same for real exports.
  name: () => ({
    compact: (v) => `regexp_replace(${v}, '\\s+', ' ', 'g')`,
    normalised: (_v, q) => `CASE WHEN length(${q}) <= 100 THEN ${q} END`,
    valid: (n) => `(length(${n}) >= 2 AND NOT regexp_matches(${n}, '[0-9@_#$%&*=+<>/\\\\]'))`,
  }),
  address: () => ({
    compact: (v) => `regexp_replace(${v}, '\\s+', ' ', 'g')`,
    normalised: (_v, q) => `CASE WHEN length(${q}) <= 160 THEN ${q} END`,
    valid: (n) => `regexp_matches(${n}, '^[^0-9]{2,60} [0-9]{1,5}')`,
  }),
  vat_number: () => ({
    compact: (v) => `regexp_replace(upper(${v}), '[\\s.-]', '', 'g')`,
    normalised: (_v, q) => `CASE WHEN regexp_full_match(${q}, 'NL[0-9]{9}B[0-9]{2}') THEN ${q} END`,
    valid: (n) =>
      `(substr(${n}, 3, 9) <> '000000000' AND (${vatHoldsBsnSql(n)} OR ('2321' || substr(${n}, 3, 9) || '11' || substr(${n}, 13, 2))::HUGEINT % 97 = 1))`,
  }),
};

const LONGEST_CARD = 19;

/**
 * Luhn over a card number given reversed and right-padded with zeros to nineteen digits (padding adds
 * nothing to the sum): every second digit from the right doubled, minus nine past nine.
 */
export function luhnSql(reversedPadded: string): string {
  const terms = Array.from({ length: LONGEST_CARD }, (_, i) => {
    const digit = `(ascii(substr(${reversedPadded}, ${i + 1}, 1)) - 48)`;
    return i % 2 === 1 ? `CASE WHEN ${digit} > 4 THEN 2 * ${digit} - 9 ELSE 2 * ${digit} END` : digit;
  });
  return `((${terms.join(' + ')}) % 10 = 0)`;
}

/** The issuer prefixes cardScheme knows: Visa, Mastercard, Amex (15 digits), Discover, Maestro. */
function knownCardSchemeSql(pan: string): string {
  const two = `substr(${pan}, 1, 2)::INTEGER`;
  const four = `substr(${pan}, 1, 4)::INTEGER`;
  return (
    `(starts_with(${pan}, '4') OR ${two} BETWEEN 51 AND 55 OR ${four} BETWEEN 2221 AND 2720 ` +
    `OR ((${two} = 34 OR ${two} = 37) AND length(${pan}) = 15) OR starts_with(${pan}, '6011') OR starts_with(${pan}, '65') ` +
    `OR ${two} = 50 OR ${two} BETWEEN 56 AND 69)`
  );
}

const HEX4 = '[0-9a-f]{1,4}';
const IPV4_BODY = IPV4_REGEX_SOURCE.slice(1, -1);
/**
 * IPv6 in full, compressed and IPv4-embedded forms (RFC 4291 section 2.2), lower case, as RE2 can
 * match it: node:net's isIPv6 is the reference the tests hold it to.
 */
export const IPV6_SQL_PATTERN = [
  `(${HEX4}:){7}${HEX4}`,
  `(${HEX4}:){1,7}:`,
  `(${HEX4}:){1,6}:${HEX4}`,
  `(${HEX4}:){1,5}(:${HEX4}){1,2}`,
  `(${HEX4}:){1,4}(:${HEX4}){1,3}`,
  `(${HEX4}:){1,3}(:${HEX4}){1,4}`,
  `(${HEX4}:){1,2}(:${HEX4}){1,5}`,
  `${HEX4}:(:${HEX4}){1,6}`,
  `:((:${HEX4}){1,7}|:)`,
  `(${HEX4}:){6}${IPV4_BODY}`,
  `(${HEX4}:){1,5}:${IPV4_BODY}`,
  `(${HEX4}:){1,4}:(${HEX4}:){1}${IPV4_BODY}`,
  `(${HEX4}:){1,3}:(${HEX4}:){1,2}${IPV4_BODY}`,
  `(${HEX4}:){1,2}:(${HEX4}:){1,3}${IPV4_BODY}`,
  `${HEX4}::(${HEX4}:){1,4}${IPV4_BODY}`,
  `::(${HEX4}:){0,5}${IPV4_BODY}`,
]
  .map((p) => `(${p})`)
  .join('|');

const MAC_SHAPES = '[0-9a-f]{2}(:[0-9a-f]{2}){5}|[0-9a-f]{2}(-[0-9a-f]{2}){5}|[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}|[0-9a-f]{12}';

/** Second hex digit 2, 6, a or e: set by the device (randomised or private Wi-Fi), no vendor behind it. */
export function locallyAdministeredMacSql(normalisedMac: string): string {
  return `regexp_matches(${normalisedMac}, ${sqlString(LOCALLY_ADMINISTERED_MAC_REGEX_SOURCE)})`;
}

const CHECKED_IDENTIFIERS: Partial<Record<PersonalDataCategory, (options: CategorySqlOptions) => CategorySql>> = {
  payment_card: () => ({
    compact: (v) => `regexp_replace(${v}, '[\\s-]', '', 'g')`,
    normalised: (v, q) => `CASE WHEN length(${v}) <= 200 AND regexp_full_match(${q}, ${sqlString(PAYMENT_CARD_REGEX_SOURCE.slice(1, -1))}) THEN ${q} END`,
    prepare: (n) => `rpad(reverse(${n}), ${LONGEST_CARD}, '0')`,
    valid: (n, p) => `(NOT regexp_full_match(${n}, '0+') AND ${luhnSql(p)} AND ${knownCardSchemeSql(n)})`,
  }),
  mac_address: () => ({
    compact: (v) => `lower(${v})`,
    normalised: (v, q) => {
      const hex = `regexp_replace(${q}, '[:.-]', '', 'g')`;
      const pairs = [1, 3, 5, 7, 9, 11].map((at) => `substr(${hex}, ${at}, 2)`).join(` || ':' || `);
      return `CASE WHEN length(${v}) <= 200 AND regexp_full_match(${q}, ${sqlString(MAC_SHAPES)}) THEN ${pairs} END`;
    },
    valid: (n) => `(${n} <> '00:00:00:00:00:00' AND ${n} <> 'ff:ff:ff:ff:ff:ff')`,
  }),
  // IPv6 stays as written (lower case, no brackets or zone); the recognizer's compressed canonical form is not needed for counting.
  ip_address: () => ({
    compact: (v) => `regexp_replace(lower(${v}), '^\\[(.*)\\]$', '\\1')`,
    normalised: (v, q) => {
      const withoutZone = `regexp_replace(${q}, '%[0-9a-z_.-]+$', '')`;
      return (
        `CASE WHEN length(${v}) > 64 THEN NULL WHEN regexp_full_match(${q}, ${sqlString(IPV4_BODY)}) THEN ${q} ` +
        `WHEN regexp_full_match(${withoutZone}, ${sqlString(IPV6_SQL_PATTERN)}) THEN ${withoutZone} END`
      );
    },
    valid: (n) => `(${n} IS NOT NULL)`,
  }),
  id_document: () => ({
    compact: (v) => `regexp_replace(upper(${v}), '[\\s-]', '', 'g')`,
    normalised: (v, q) => `CASE WHEN length(${v}) <= 200 AND regexp_full_match(${q}, '[A-Z]{2}[A-Z0-9]{6}[0-9]') THEN ${q} END`,
    valid: (n) => `regexp_full_match(${n}, ${sqlString(DUTCH_ID_DOCUMENT_REGEX_SOURCE.slice(1, -1))})`,
  }),
};

/** A pre-2020 sole trader's VAT number holds their BSN: the nine digits pass the 11-proef. */
export function vatHoldsBsnSql(normalisedVat: string): string {
  return elevenProofSql(`substr(${normalisedVat}, 3, 9)`);
}

export function dutchMobileSql(e164: string): string {
  return `regexp_full_match(${e164}, ${sqlString(DUTCH_MOBILE_REGEX_SOURCE.slice(1, -1))})`;
}

const UPPER_CASE_CATEGORIES: ReadonlySet<PersonalDataCategory> = new Set(['id_document', 'customer_id']);
const LOWER_CASE_CATEGORIES: ReadonlySet<PersonalDataCategory> = new Set(['mac_address', 'ip_address']);

/**
 * SQL for one category. Categories without a specific expression are matched by presence and checked
 * with the recognizer's RE2 pattern (shape only: no Luhn for cards in SQL).
 */
export function categorySql(category: PersonalDataCategory, options: CategorySqlOptions): CategorySql {
  const specific = SPECIFIC[category] ?? CHECKED_IDENTIFIERS[category];
  if (specific) return specific(options);
  const recognizer = createRecognizers({ referenceDate: options.referenceDate }).find((r) => r.category === category);
  const pattern = recognizer?.regexSource ?? null;
  const cased = UPPER_CASE_CATEGORIES.has(category) ? 'upper' : LOWER_CASE_CATEGORIES.has(category) ? 'lower' : '';
  return {
    compact: (v) => (cased ? `${cased}(${v})` : v),
    normalised: (_v, q) => q,
    valid: (n) => (pattern === null ? `(${n} IS NOT NULL)` : `regexp_matches(${n}, ${sqlString(pattern)})`),
  };
}
