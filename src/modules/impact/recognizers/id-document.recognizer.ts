import { maskMiddle } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/**
 * A Dutch passport or identity-card number: two letters, six letters or digits, one digit; the letter
 * O is never used (it would be confused with zero). The number has no check digit of its own: only the
 * machine-readable zone adds one, so the shape is all there is to check.
 */
export const DUTCH_ID_DOCUMENT_REGEX_SOURCE = '^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$';

const NINE_CHARACTERS = /^[A-Z]{2}[A-Z0-9]{6}[0-9]$/;
const DOCUMENT_NUMBER = new RegExp(DUTCH_ID_DOCUMENT_REGEX_SOURCE);

export function normaliseIdDocumentNumber(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value.trim().toUpperCase().replace(/[\s-]/g, '');
  return NINE_CHARACTERS.test(compact) ? compact : null;
}

export function validateIdDocumentNumber(value: string): Validation {
  const number = normaliseIdDocumentNumber(value);
  if (number === null) return invalid('not_document_number_shape');
  return DOCUMENT_NUMBER.test(number) ? VALID : invalid('contains_letter_o');
}

export const idDocumentRecognizer: Recognizer = {
  category: 'id_document',
  headerSynonyms: [
    'documentnummer',
    'documentnr',
    'iddocument',
    'idnummer',
    'idnr',
    'legitimatie',
    'legitimatienummer',
    'legitimatiebewijs',
    'paspoort',
    'paspoortnummer',
    'paspoortnr',
    'identiteitskaart',
    'idkaart',
    'idkaartnummer',
    'rijbewijsnummer',
    'passport',
    'passportnumber',
    'passportno',
    'idcard',
    'idcardnumber',
    'identitycard',
    'documentnumber',
    'iddocumentnumber',
  ],
  regexSource: DUTCH_ID_DOCUMENT_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normaliseIdDocumentNumber,
  validate: validateIdDocumentNumber,
  mask: (number) => maskMiddle(number, 2, 1),
};
