import { MASK_CHAR } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/**
 * A Dutch postcode: four digits not starting with 0, an optional space, two letters; SA, SD and SS are
 * never issued. Written without look-ahead so that RE2 (DuckDB) accepts it.
 */
export const DUTCH_POSTCODE_REGEX_SOURCE = '^[1-9][0-9]{3} ?([A-RT-Z][A-Z]|S[BCE-RT-Z])$';

const POSTCODE_SHAPE = /^[1-9]\d{3}[A-Z]{2}$/;
const POSTCODE_VALID = new RegExp(DUTCH_POSTCODE_REGEX_SOURCE);

/** `1234 AB`; null when the value is not four digits and two letters. */
export function normalisePostcode(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value.trim().toUpperCase().replace(/\s+/g, '');
  if (!POSTCODE_SHAPE.test(compact)) return null;
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

export function validatePostcode(value: string): Validation {
  const postcode = normalisePostcode(value);
  if (postcode === null) return invalid('not_postcode_shape');
  return POSTCODE_VALID.test(postcode) ? VALID : invalid('letters_never_issued');
}

export const postcodeRecognizer: Recognizer = {
  category: 'postcode',
  headerSynonyms: ['postcode', 'postcodes', 'pc', 'pc6', 'zip', 'zipcode', 'postalcode', 'postal', 'postnummer'],
  regexSource: DUTCH_POSTCODE_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normalisePostcode,
  validate: validatePostcode,
  // The two-digit region is coarse enough to show; the letters narrow it to a street.
  mask: (postcode) => `${postcode.slice(0, 2)}${MASK_CHAR.repeat(2)} ${MASK_CHAR.repeat(2)}`,
};
