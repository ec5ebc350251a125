import {
  categoryFromHeader,
  createRecognizers,
  detectDayMonthOrder,
  maskMiddle,
  parseDate,
  scanNotes,
  type DayMonthOrder,
  type NoteFindings,
  type PersonalDataCategory,
  type Recognizer,
} from './recognizers/index.ts';

export type ConfidenceLevel = 'high' | 'medium' | 'low' | 'none';

export interface CategoryStats {
  category: PersonalDataCategory;
  /** Share of non-empty values that have the category's shape. */
  matchRate: number;
  /** Share of non-empty values that have the shape and pass its checks. */
  validationRate: number;
  /** Expected validation rate of random values of this shape (11-proef, Luhn, mod 97), if any. */
  chancePassRate: number | null;
}

export interface ColumnClassification {
  header: string;
  /** The personal data the column holds, or null when nothing fits. */
  category: PersonalDataCategory | null;
  /** The category the header alone names. */
  headerCategory: PersonalDataCategory | null;
  sampleSize: number;
  emptyCount: number;
  matchRate: number;
  validationRate: number;
  /** 0..1; header and content agreeing score highest, content alone next, header alone lowest. */
  confidence: number;
  confidenceLevel: ConfidenceLevel;
  maskedExamples: string[];
  /** Why a value of the chosen category failed its checks, with counts ("placeholder_date": 3). */
  invalidReasons: Record<string, number>;
  /** Plain-English sentences explaining the decision, for the analyst. */
  reasons: string[];
  /** Every other category that fits at least part of the sample, best first. */
  alternatives: CategoryStats[];
  /** For a notes column: how many sampled values mention each group. */
  noteTermCounts?: NoteTermCounts;
}

export interface NoteTermCounts {
  vulnerability: Record<string, number>;
  specialCategories: Record<string, number>;
}

export interface ClassifyOptions {
  /** "Today", for the plausible range of birth dates. */
  referenceDate: Date;
  maxExamples?: number;
}

/** Values that stand for "no value" in exports. */
export const EMPTY_MARKERS: ReadonlySet<string> = new Set(['', 'null', 'nil', 'none', 'n/a', 'na', 'nvt', 'n.v.t.', '-', '--', 'onbekend', 'unknown', '?']);

/** A content category with at least this validation rate identifies a column without its header. */
const CONCLUSIVE_RATE = 0.6;
/** Categories that need their header are only guessed from content when nearly all values fit. */
const WEAK_CONTENT_RATE = 0.8;
/** Header and content agree when at least this share of values validates. */
const AGREEMENT_RATE = 0.5;
/** A check that random values pass at least this often is "chance-prone". */
const CHANCE_PRONE_MIN = 0.05;
/** Chance-prone checks must validate nearly every shaped value to count as evidence on their own. */
const CHANCE_PRONE_RATE = 0.95;
/** Chance that all valid values passed by luck must be below this for content alone to decide. */
const CHANCE_ALPHA = 1e-6;

interface Measured {
  recognizer: Recognizer;
  matched: number;
  valid: number;
  stats: CategoryStats;
  invalidReasons: Record<string, number>;
  examples: string[];
}

function round(rate: number): number {
  return Math.round(rate * 1000) / 1000;
}

function measure(recognizer: Recognizer, values: readonly string[], maxExamples: number): Measured {
  let matched = 0;
  let valid = 0;
  const invalidReasons: Record<string, number> = {};
  const examples = new Set<string>();
  for (const value of values) {
    const normalised = recognizer.normalise(value);
    if (normalised !== null) matched += 1;
    const validation = recognizer.validate(value);
    if (validation.valid) {
      valid += 1;
      if (normalised !== null && examples.size < maxExamples) examples.add(recognizer.mask(normalised));
    } else if (normalised !== null && validation.reason !== undefined) {
      invalidReasons[validation.reason] = (invalidReasons[validation.reason] ?? 0) + 1;
    }
  }
  const total = values.length;
  return {
    recognizer,
    matched,
    valid,
    invalidReasons,
    examples: [...examples],
    stats: {
      category: recognizer.category,
      matchRate: round(matched / total),
      validationRate: round(valid / total),
      chancePassRate: recognizer.chancePassRate === null ? null : round(recognizer.chancePassRate),
    },
  };
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** Checks that random values of the right shape pass often enough to fake a column (11-proef, Luhn). */
function chanceProneRate(recognizer: Recognizer): number | null {
  const chance = recognizer.chancePassRate;
  return chance !== null && chance >= CHANCE_PRONE_MIN ? chance : null;
}

/** Content alone decides only when luck cannot explain it: many values, nearly all passing. */
function isConclusive(m: Measured): boolean {
  if (m.recognizer.needsHeader || m.stats.validationRate < CONCLUSIVE_RATE) return false;
  const chance = chanceProneRate(m.recognizer);
  if (chance === null) return true;
  return m.valid / m.matched >= CHANCE_PRONE_RATE && chance ** m.valid < CHANCE_ALPHA;
}

function supportsHeader(m: Measured): boolean {
  if (m.stats.validationRate < AGREEMENT_RATE) return false;
  const chance = chanceProneRate(m.recognizer);
  return chance === null || m.valid / m.matched >= Math.min(0.5, 4 * chance);
}

function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.45) return 'medium';
  if (confidence > 0) return 'low';
  return 'none';
}

/** Honest precision for checks that random values pass: say how the pass rate compares with chance. */
function chanceSentence(m: Measured): string | null {
  const chance = chanceProneRate(m.recognizer);
  if (chance === null || m.matched === 0 || m.stats.matchRate < 0.5) return null;
  const passRate = m.valid / m.matched;
  const check = m.recognizer.category === 'bsn' ? 'the 11-proef' : `the ${m.recognizer.category} check`;
  if (passRate <= 2 * chance) {
    return `${percent(passRate)} of the values pass ${check}, about what chance gives (${percent(chance)}): not ${m.recognizer.category} values.`;
  }
  return `${percent(passRate)} of the values pass ${check}, far above chance (${percent(chance)}).`;
}

function weakContentCandidate(measured: readonly Measured[], values: readonly string[]): Measured | null {
  const byCategory = new Map(measured.map((m) => [m.recognizer.category, m]));
  const address = byCategory.get('address');
  if (address && address.stats.validationRate >= 0.6) return address;
  const name = byCategory.get('name');
  if (name && name.stats.validationRate >= 0.9) {
    const fullNames = values.filter((v) => v.trim().split(/\s+/).length >= 2).length / values.length;
    if (fullNames >= 0.5) return name;
  }
  for (const category of ['free_text_notes', 'birth_date', 'customer_id'] as const) {
    const m = byCategory.get(category);
    if (m && m.stats.validationRate >= WEAK_CONTENT_RATE) return m;
  }
  return null;
}

function countNoteTerms(values: readonly string[]): NoteTermCounts {
  const counts: NoteTermCounts = { vulnerability: {}, specialCategories: {} };
  for (const value of values) {
    const findings: NoteFindings = scanNotes(value);
    for (const group of Object.keys(findings.vulnerability)) {
      counts.vulnerability[group] = (counts.vulnerability[group] ?? 0) + 1;
    }
    for (const group of Object.keys(findings.specialCategories)) {
      counts.specialCategories[group] = (counts.specialCategories[group] ?? 0) + 1;
    }
  }
  return counts;
}

function birthDateSentences(values: readonly string[], options: ClassifyOptions & { order: DayMonthOrder }, invalidReasons: Record<string, number>): string[] {
  const sentences: string[] = [];
  let twoDigit = 0;
  let serial = 0;
  for (const value of values) {
    const format = parseDate(value, options)?.format;
    if (format === 'two_digit_year') twoDigit += 1;
    if (format === 'excel_serial') serial += 1;
  }
  if (twoDigit > 0) sentences.push(`${twoDigit} values have a two-digit year: people over 100 get the wrong century.`);
  if (serial > 0) sentences.push(`${serial} values are Excel serial day numbers, read as dates.`);
  const placeholders = invalidReasons['placeholder_date'] ?? 0;
  if (placeholders > 0) sentences.push(`${placeholders} values are placeholder dates (such as 01-01-1900), not birth dates.`);
  if (options.order === 'mdy') sentences.push('Values are written month first.');
  return sentences;
}

/**
 * Decides what personal data a column holds from its header and a sample of its values. Content
 * counts most, but content that chance can produce (a 9-digit number passes the 11-proef one time in
 * eleven) is only believed when the header does not name another category.
 */
export function classifyColumn(header: string, values: readonly string[], options: ClassifyOptions): ColumnClassification {
  const maxExamples = options.maxExamples ?? 3;
  const present = values.map((v) => v.trim()).filter((v) => !EMPTY_MARKERS.has(v.toLowerCase()));
  const detectedOrder = detectDayMonthOrder(present);
  const order: DayMonthOrder = detectedOrder === 'mdy' ? 'mdy' : 'dmy';
  const recognizers = createRecognizers({ referenceDate: options.referenceDate, order });
  const headerCategory = categoryFromHeader(header, recognizers);
  const base = {
    header,
    headerCategory,
    sampleSize: present.length,
    emptyCount: values.length - present.length,
  };

  if (present.length === 0) {
    return {
      ...base,
      category: headerCategory,
      matchRate: 0,
      validationRate: 0,
      confidence: headerCategory === null ? 0 : 0.2,
      confidenceLevel: headerCategory === null ? 'none' : 'low',
      maskedExamples: [],
      invalidReasons: {},
      reasons: ['The sample has no values; only the header was read.'],
      alternatives: [],
    };
  }

  const measured = recognizers.map((r) => measure(r, present, maxExamples));
  const fromHeader = measured.find((m) => m.recognizer.category === headerCategory) ?? null;
  const reasons: string[] = [];
  let chosen: Measured | null = null;
  let confidence = 0;

  const conclusive = measured
    .filter(isConclusive)
    .filter((m) => chanceProneRate(m.recognizer) === null || headerCategory === null || headerCategory === m.recognizer.category)
    .sort((a, b) => b.stats.validationRate - a.stats.validationRate);

  if (fromHeader && supportsHeader(fromHeader)) {
    chosen = fromHeader;
    confidence = 0.6 + 0.4 * fromHeader.stats.validationRate;
    reasons.push(`The header names ${headerCategory} and ${percent(fromHeader.stats.validationRate)} of the values are valid ${headerCategory} values.`);
  } else if (conclusive[0]) {
    chosen = conclusive[0];
    confidence = 0.4 + 0.4 * chosen.stats.validationRate;
    reasons.push(`${percent(chosen.stats.validationRate)} of the values are valid ${chosen.recognizer.category} values.`);
    if (headerCategory !== null) reasons.push(`The header suggests ${headerCategory}, but the values say otherwise.`);
  } else if (fromHeader) {
    chosen = fromHeader;
    const rate = fromHeader.stats.validationRate;
    confidence = fromHeader.recognizer.needsHeader ? 0.35 : 0.2;
    reasons.push(`The header names ${headerCategory}, but only ${percent(rate)} of the values are valid ${headerCategory} values.`);
  } else {
    const weak = weakContentCandidate(measured, present);
    if (weak) {
      chosen = weak;
      confidence = 0.35 * weak.stats.validationRate;
      reasons.push(`${percent(weak.stats.validationRate)} of the values look like ${weak.recognizer.category}, but the header does not say so.`);
    } else {
      reasons.push('No personal-data category fits the header or the values.');
    }
  }

  for (const m of measured) {
    const sentence = chanceSentence(m);
    if (sentence !== null) reasons.push(sentence);
  }

  const category = chosen?.recognizer.category ?? null;
  const invalidReasons = chosen?.invalidReasons ?? {};
  if (category === 'birth_date') reasons.push(...birthDateSentences(present, { ...options, order }, invalidReasons));
  let noteTermCounts: NoteTermCounts | undefined;
  if (category === 'free_text_notes') {
    noteTermCounts = countNoteTerms(present);
    reasons.push('Vulnerability and special-category terms are rare: scan the whole column, not a sample.');
  }

  const maskedExamples =
    chosen === null
      ? []
      : chosen.examples.length > 0
        ? chosen.examples
        : [...new Set(present.slice(0, maxExamples).map((v) => maskMiddle(v, 1, 1)))];

  return {
    ...base,
    category,
    matchRate: chosen?.stats.matchRate ?? 0,
    validationRate: chosen?.stats.validationRate ?? 0,
    confidence: round(confidence),
    confidenceLevel: levelOf(round(confidence)),
    maskedExamples,
    invalidReasons,
    reasons,
    alternatives: measured
      .filter((m) => m !== chosen && m.stats.matchRate > 0)
      .map((m) => m.stats)
      .sort((a, b) => b.validationRate - a.validationRate || b.matchRate - a.matchRate),
    ...(noteTermCounts ? { noteTermCounts } : {}),
  };
}
