import { maskMiddle } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised BSN: nine digits (legacy eight-digit numbers get a leading zero). */
export const BSN_REGEX_SOURCE = '^[0-9]{9}$';

const BSN_INPUT = /^\d{8,9}$/;

/** About one in eleven random nine-digit numbers passes the 11-proef. */
export const BSN_CHANCE_PASS_RATE = 1 / 11;

/** The 11-proef: weights 9..2 for the first eight digits and -1 for the last; the sum is divisible by 11. */
export function passesElevenProof(nineDigits: string): boolean {
  if (!/^\d{9}$/.test(nineDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(nineDigits[i]) * (9 - i);
  sum -= Number(nineDigits[8]);
  return sum % 11 === 0;
}

export function normaliseBsn(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value.trim().replace(/[\s.-]/g, '');
  if (!BSN_INPUT.test(compact)) return null;
  return compact.padStart(9, '0');
}

export function validateBsn(value: string): Validation {
  const bsn = normaliseBsn(value);
  if (bsn === null) return invalid('not_nine_digits');
  // Zero passes the arithmetic but is never issued.
  if (/^0+$/.test(bsn)) return invalid('all_zero');
  if (!passesElevenProof(bsn)) return invalid('fails_eleven_proof');
  return VALID;
}

export const bsnRecognizer: Recognizer = {
  category: 'bsn',
  headerSynonyms: [
    'bsn',
    'burgerservicenummer',
    'bsnnummer',
    'sofinummer',
    'sofinr',
    'sofi',
    'citizenservicenumber',
    'socialsecuritynumber',
    'ssn',
    'nationalid',
    'nationalidentificationnumber',
    'persoonsnummer',
  ],
  regexSource: BSN_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: BSN_CHANCE_PASS_RATE,
  normalise: normaliseBsn,
  validate: validateBsn,
  mask: (bsn) => maskMiddle(bsn, 0, 2),
};
