/** The personal-data categories a column or value can be recognised as. */
export const PERSONAL_DATA_CATEGORIES = [
  'name',
  'address',
  'postcode',
  'email',
  'phone',
  'birth_date',
  'customer_id',
  'iban',
  'payment_card',
  'bsn',
  'vat_number',
  'id_document',
  'ip_address',
  'mac_address',
  'device_name',
  'free_text_notes',
] as const;

export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

export interface Validation {
  valid: boolean;
  /** Why a value is not valid, as a stable snake_case code. */
  reason?: string;
}

export interface Recognizer {
  readonly category: PersonalDataCategory;
  /**
   * Header words in Dutch and English, compacted (lower case, no separators, no diacritics).
   * Synonyms of three characters or fewer only match a whole header token.
   */
  readonly headerSynonyms: readonly string[];
  /**
   * The shape of a normalised value as an RE2-compatible pattern (no look-around, no back-references),
   * so that the same test can run in DuckDB SQL; null where the shape is not a regular language.
   */
  readonly regexSource: string | null;
  /** Content alone cannot tell this category apart from look-alikes: the header must agree. */
  readonly needsHeader: boolean;
  /**
   * Share of shape-matching random values that would validate by chance (e.g. 1/11 for the 11-proef);
   * a column's validation rate near this figure is no evidence at all.
   */
  readonly chancePassRate: number | null;
  /** The canonical form of a value of this shape, or null when the value does not have the shape. */
  normalise(value: string): string | null;
  /** Whether a raw value has the shape and passes the category's checks. Never throws. */
  validate(value: string): Validation;
  /** A display form that keeps only a few characters of a normalised value. */
  mask(normalised: string): string;
}

/** Longer input is never an identifier; refusing it early keeps every pattern linear and cheap. */
export const MAX_IDENTIFIER_LENGTH = 200;

export function invalid(reason: string): Validation {
  return { valid: false, reason };
}

export const VALID: Validation = Object.freeze({ valid: true });
