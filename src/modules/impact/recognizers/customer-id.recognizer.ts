import { maskMiddle } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** An account-style key: 4 to 24 letters, digits and - / . _ with at least one digit. */
export const CUSTOMER_ID_REGEX_SOURCE = '^[A-Z0-9][A-Z0-9._/-]{3,23}$';

const CUSTOMER_ID_SHAPE = new RegExp(CUSTOMER_ID_REGEX_SOURCE);
const HAS_DIGIT = /\d/;

export function normaliseCustomerId(value: string): string | null {
  if (value.length > 64) return null;
  const id = value.trim().toUpperCase();
  return CUSTOMER_ID_SHAPE.test(id) && HAS_DIGIT.test(id) ? id : null;
}

/** Customer numbers have no common check digit: a value is valid when it has the shape. */
export function validateCustomerId(value: string): Validation {
  return normaliseCustomerId(value) === null ? invalid('not_identifier_shape') : VALID;
}

export const customerIdRecognizer: Recognizer = {
  category: 'customer_id',
  headerSynonyms: [
    'klantnummer',
    'klantnr',
    'klantid',
    'klantcode',
    'relatienummer',
    'relatienr',
    'debiteurnummer',
    'debiteurnr',
    'abonnementsnummer',
    'abonneenummer',
    'contractnummer',
    'contractnr',
    'accountnummer',
    'accountnr',
    'lidnummer',
    'polisnummer',
    'aansluitnummer',
    'eancode',
    'customerid',
    'customernumber',
    'customerno',
    'customerref',
    'clientid',
    'clientnumber',
    'accountid',
    'accountnumber',
    'accountno',
    'subscriberid',
    'subscriptionid',
    'contractid',
    'memberid',
    'membernumber',
  ],
  regexSource: CUSTOMER_ID_REGEX_SOURCE,
  // Order numbers, invoice numbers and product codes look the same.
  needsHeader: true,
  chancePassRate: null,
  normalise: normaliseCustomerId,
  validate: validateCustomerId,
  mask: (id) => maskMiddle(id, 2, 2),
};
