import { MASK_CHAR } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised payment card number (PAN): 12 to 19 digits. */
export const PAYMENT_CARD_REGEX_SOURCE = '^[0-9]{12,19}$';

const CARD_SHAPE = new RegExp(PAYMENT_CARD_REGEX_SOURCE);

export function normalisePaymentCard(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value.trim().replace(/[\s-]/g, '');
  return CARD_SHAPE.test(compact) ? compact : null;
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardScheme = 'visa' | 'mastercard' | 'amex' | 'maestro' | 'discover' | 'unknown';

export function cardScheme(pan: string): CardScheme {
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if (pan.startsWith('4')) return 'visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if ((two === 34 || two === 37) && pan.length === 15) return 'amex';
  if (pan.startsWith('6011') || pan.startsWith('65')) return 'discover';
  if (two === 50 || (two >= 56 && two <= 69)) return 'maestro';
  return 'unknown';
}

export function validatePaymentCard(value: string): Validation {
  const pan = normalisePaymentCard(value);
  if (pan === null) return invalid('not_card_number_shape');
  if (/^0+$/.test(pan)) return invalid('all_zero');
  if (!passesLuhn(pan)) return invalid('fails_luhn');
  if (cardScheme(pan) === 'unknown') return invalid('unknown_card_scheme');
  return VALID;
}

/** Only the last four digits, as on a receipt. */
export function maskPaymentCard(pan: string): string {
  const hidden = MASK_CHAR.repeat(pan.length - 4) + pan.slice(-4);
  return hidden.replace(/(.{4})(?=.)/gu, '$1 ');
}

export const paymentCardRecognizer: Recognizer = {
  category: 'payment_card',
  headerSynonyms: [
    'creditcard',
    'creditcardnummer',
    'creditcardnumber',
    'kaartnummer',
    'pasnummer',
    'betaalpas',
    'bankpas',
    'cardnumber',
    'cardno',
    'pan',
    'ccnumber',
    'debitcard',
  ],
  regexSource: PAYMENT_CARD_REGEX_SOURCE,
  needsHeader: false,
  // One in ten random numbers passes Luhn; a known scheme prefix narrows that a little.
  chancePassRate: 1 / 10,
  normalise: normalisePaymentCard,
  validate: validatePaymentCard,
  mask: maskPaymentCard,
};
