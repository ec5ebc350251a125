import type { ConfidenceLevel } from './column-classifier.ts';
import type { PersonalDataCategory } from './recognizers/index.ts';

export type DatasetFormat = 'csv' | 'jsonl' | 'parquet';
export type TextEncoding = 'utf-8' | 'windows-1252';

/** The three sets the notification must keep apart, strongest first. */
export const AFFECTED_SETS = ['confirmed', 'accessed', 'could_have_been_queried'] as const;
export type AffectedSet = (typeof AFFECTED_SETS)[number];

/** Which brand (controller) a row belongs to: the values of a column, optionally renamed, or one brand for all rows. */
export type BrandRule = { column: string; values?: Record<string, string> } | { constant: string };

/** Which set a row belongs to, from the values of a column; rows matching no list get `otherwise`. */
export interface SetRules {
  column?: string;
  confirmed?: string[];
  accessed?: string[];
  couldHaveBeenQueried?: string[];
  /** The set of every other row; a dataset in the attacker's hands is `confirmed`. */
  otherwise?: AffectedSet;
}

export type AnalysisPhase = 'preparing' | 'reading' | 'classifying' | 'validating' | 'linking' | 'writing' | 'done';

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** 0..1 over the whole analysis. */
  fraction: number;
}

export interface AnalyseDatasetInput {
  path: string;
  /** Taken from the file name and content when absent. */
  format?: DatasetFormat;
  /** The breach date: ages, minors and 80+ are counted on it. */
  referenceDate: Date;
  /** Header → category (or null for "not personal data"), overriding the classifier. */
  columnOverrides?: Record<string, PersonalDataCategory | null>;
  brandRule?: BrandRule;
  setRules?: SetRules;
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
  /** Where the affected-people list is written; work files live in a folder inside it while running. */
  outputDir: string;
  /** Also write `record-persons.parquet`: per data row its person and validated categories. */
  writeRecordPersons?: boolean;
  /** Clusters with more records than this are split again with strong keys only. */
  maxClusterSize?: number;
  /** Rows the classifier samples per column. */
  sampleRows?: number;
}

export interface ColumnReport {
  header: string;
  category: PersonalDataCategory | null;
  /** Where the category came from: the classifier's header, its content, both, or a manual override. */
  decidedBy: 'header_and_content' | 'content' | 'header' | 'override' | 'none';
  headerCategory: PersonalDataCategory | null;
  confidence: number;
  confidenceLevel: ConfidenceLevel;
  /** Over every row of the file, not a sample. */
  nonEmpty: number;
  matchRate: number;
  validationRate: number;
  maskedExamples: string[];
  reasons: string[];
}

export interface UnreadableRow {
  line: number;
  reason: string;
}

export interface LinkRuleReport {
  rule: 'email' | 'mobile_phone' | 'bsn' | 'iban' | 'name_birth_date_postcode';
  /** Key values shared by more than one record and used to link them. */
  linkingKeys: number;
  /** Key values shared by records with different birth dates or names: not used as identity. */
  sharedKeysNotUsed: number;
}

export interface AnalysisResult {
  file: { path: string; format: DatasetFormat; encoding: TextEncoding | null; bytes: number; delimiter: string | null };
  referenceDate: string;
  columns: ColumnReport[];
  totals: {
    rows: number;
    dataRows: number;
    unreadableRows: number;
    /** The first unreadable rows (at most 1000), with the reader's reason. */
    unreadable: UnreadableRow[];
    persons: number;
    linkRules: LinkRuleReport[];
    /** Persons whose records carry different birth dates or names: the link may join two people. */
    uncertainMerges: number;
    /** Clusters that grew past the cap and were split again with BSN and name + date of birth + postcode only. */
    cappedClusters: number;
    recordsInCappedClusters: number;
    /** "1", "2", ..., "6-10", "11+" → persons. */
    recordsPerPerson: Record<string, number>;
    personsPerCategory: Partial<Record<PersonalDataCategory, number>>;
    /** Special categories (health, ...) found in notes → persons. */
    personsPerSpecialCategory: Record<string, number>;
    personsPerBrand: Record<string, number>;
    personsPerSet: Record<AffectedSet, number>;
    /** "0-9", ..., "90+", "unknown" → persons, by age on the reference date. */
    ageHistogram: Record<string, number>;
    vulnerable: {
      minors: number;
      aged80Plus: number;
      financialAdministration: number;
      debtCounselling: number;
      paymentArrangement: number;
      health: number;
      /** Every vulnerability group found in notes → persons. */
      noteGroups: Record<string, number>;
    };
  };
  affectedPeople: { path: string; rows: number; columns: string[] };
  recordPersonsPath: string | null;
  seconds: number;
}
