import type { DataCategory, ImpactFigures } from '../risk/index.ts';
import type { AffectedPersonInput, AffectedSet } from '../affected-people/index.ts';
import type { AnalysisResult } from './analysis.types.ts';
import type { PersonalDataCategory } from './recognizers/index.ts';

/** What is kept of an analysis: no machine paths and no personal data (column examples are masked). */
export interface StoredAnalysisResult {
  file: { name: string; format: AnalysisResult['file']['format']; encoding: AnalysisResult['file']['encoding']; bytes: number; delimiter: string | null };
  referenceDate: string;
  columns: AnalysisResult['columns'];
  totals: AnalysisResult['totals'];
  affectedPeople: { rows: number };
  seconds: number;
}

export function toStoredResult(result: AnalysisResult, fileName: string): StoredAnalysisResult {
  return {
    file: { name: fileName, format: result.file.format, encoding: result.file.encoding, bytes: result.file.bytes, delimiter: result.file.delimiter },
    referenceDate: result.referenceDate,
    columns: result.columns,
    totals: result.totals,
    affectedPeople: { rows: result.affectedPeople.rows },
    seconds: result.seconds,
  };
}

/** A VAT number of a sole trader carries a BSN; a device name carries a name but identifies a device. */
const caseCategoryOf: Record<PersonalDataCategory, DataCategory | null> = {
  name: 'name',
  address: 'address',
  postcode: 'address',
  email: 'email',
  phone: 'phone',
  birth_date: 'birth_date',
  customer_id: 'customer_id',
  iban: 'iban',
  payment_card: 'payment_card',
  bsn: 'bsn',
  vat_number: 'bsn',
  id_document: 'id_document',
  ip_address: 'ip_address',
  mac_address: 'mac_address',
  device_name: 'device_id',
  // Notes count through the special categories and vulnerable groups found in them.
  free_text_notes: null,
};

/**
 * The case facts an analysis measured. Persons are a range: a person with conflicting birth dates or names
 * may be two people, so the upper bound counts each uncertain merge once more.
 */
export function figuresOfResult(result: StoredAnalysisResult, analysedAt: string): ImpactFigures {
  const { totals } = result;
  const categories = new Set<DataCategory>();
  for (const [category, persons] of Object.entries(totals.personsPerCategory)) {
    const mapped = caseCategoryOf[category as PersonalDataCategory];
    if (mapped && (persons ?? 0) > 0) categories.add(mapped);
  }
  for (const [special, persons] of Object.entries(totals.personsPerSpecialCategory)) {
    if (persons > 0) categories.add(special === 'health' ? 'health' : 'special_other');
  }
  if (totals.vulnerable.minors > 0) categories.add('children_data');
  const vulnerable = new Set<ImpactFigures['vulnerable'][number]>();
  if (totals.vulnerable.minors > 0) vulnerable.add('minors');
  if (totals.vulnerable.aged80Plus > 0) vulnerable.add('elderly');
  if (totals.vulnerable.financialAdministration > 0) vulnerable.add('financial_administration');
  if (totals.vulnerable.health > 0) vulnerable.add('patients');
  if (totals.vulnerable.debtCounselling > 0 || totals.vulnerable.paymentArrangement > 0) vulnerable.add('other');
  return {
    categories: [...categories],
    subjects: { min: totals.persons, max: totals.persons + totals.uncertainMerges },
    records: totals.dataRows,
    vulnerable: [...vulnerable],
    analysedAt,
  };
}

const sets: readonly AffectedSet[] = ['confirmed', 'accessed', 'could_have_been_queried'];
const list = (value: string | undefined): string[] => (value ? value.split('|').filter((item) => item !== '') : []);
const orNull = (value: string | undefined): string | null => (value && value.trim() !== '' ? value : null);

/** One row of the engine's affected-people CSV as the person the store keeps. */
export function personOfRow(row: Record<string, string>): AffectedPersonInput {
  const set = sets.find((s) => s === row.set) ?? 'confirmed';
  return {
    personKey: row.person_key ?? '',
    set,
    language: row.language === 'en' ? 'en' : 'nl',
    brands: list(row.brands),
    categories: list(row.categories),
    specialCategories: list(row.special_categories),
    vulnerable: list(row.vulnerable),
    records: Number.parseInt(row.records ?? '1', 10) || 1,
    contact: {
      email: orNull(row.email),
      mobile: orNull(row.mobile_e164),
      address: orNull(row.postal_address),
      name: orNull(row.name),
      customerNumber: orNull(row.customer_number),
      postcode: orNull(row.postcode),
    },
  };
}

/** The unreadable rows as a CSV a spreadsheet opens: line number and reason, nothing of the row itself. */
export function unreadableCsv(result: StoredAnalysisResult): string {
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return ['line,reason', ...result.totals.unreadable.map((row) => `${row.line},${quote(row.reason)}`)].join('\n') + '\n';
}
