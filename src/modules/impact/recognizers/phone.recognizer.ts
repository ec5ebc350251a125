import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { maskMiddle } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised phone number: E.164. */
export const E164_REGEX_SOURCE = '^\\+[1-9][0-9]{6,14}$';
/** A Dutch mobile number in E.164: +31 6, then 1-5 or 8, then seven digits. */
export const DUTCH_MOBILE_REGEX_SOURCE = '^\\+316[1-58][0-9]{7}$';

const DUTCH_MOBILE = new RegExp(DUTCH_MOBILE_REGEX_SOURCE);
const E164 = new RegExp(E164_REGEX_SOURCE);
// Digits with the usual separators, starting as a dialled number would: +, 00 or a trunk 0.
const PHONE_INPUT = /^(\+|00|0)[\d\s()./-]{6,24}$/;
const MAX_PHONE_INPUT_LENGTH = 32;

function parseAsDialled(value: string) {
  const trimmed = value.trim().replace(/^tel:/i, '');
  if (trimmed.length > MAX_PHONE_INPUT_LENGTH || !PHONE_INPUT.test(trimmed)) return undefined;
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  try {
    return parsePhoneNumberFromString(international, 'NL');
  } catch {
    return undefined;
  }
}

/** E.164 (`+31612345678`) for anything dialled in the Netherlands or internationally; null otherwise. */
export function normalisePhone(value: string): string | null {
  const parsed = parseAsDialled(value);
  if (parsed === undefined || !parsed.isPossible()) return null;
  // "Possible" in some countries' metadata still allows numbers shorter than E.164's minimum.
  return E164.test(parsed.number) ? parsed.number : null;
}

export function validatePhone(value: string): Validation {
  const parsed = parseAsDialled(value);
  if (parsed === undefined || !parsed.isPossible()) return invalid('not_phone_shape');
  return parsed.isValid() ? VALID : invalid('not_an_assigned_number_range');
}

export function isDutchMobile(e164: string): boolean {
  return DUTCH_MOBILE.test(e164);
}

export type PhoneLineType = 'mobile' | 'fixed_line' | 'other' | 'unknown';

export interface PhoneDetails {
  e164: string;
  country: string | null;
  lineType: PhoneLineType;
}

/**
 * Line type matters for identity: a mobile number usually belongs to one person, a landline to a
 * household, so person resolution uses phones only when they are mobile.
 */
export function describePhone(value: string): PhoneDetails | null {
  const parsed = parseAsDialled(value);
  if (parsed === undefined || !parsed.isValid()) return null;
  const type = parsed.getType();
  const lineType: PhoneLineType =
    type === 'MOBILE'
      ? 'mobile'
      : type === 'FIXED_LINE'
        ? 'fixed_line'
        : type === undefined || type === 'FIXED_LINE_OR_MOBILE'
          ? 'unknown'
          : 'other';
  return { e164: parsed.number, country: parsed.country ?? null, lineType };
}

export const phoneRecognizer: Recognizer = {
  category: 'phone',
  headerSynonyms: [
    'telefoon',
    'telefoonnummer',
    'telefoonnr',
    'telnr',
    'tel',
    'mobiel',
    'mobielnummer',
    'gsm',
    '06nummer',
    'vastnummer',
    'phone',
    'phonenumber',
    'telephone',
    'mobile',
    'mobilenumber',
    'cell',
    'cellphone',
    'msisdn',
  ],
  regexSource: E164_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normalisePhone,
  validate: validatePhone,
  mask: (e164) => maskMiddle(e164, e164.startsWith('+31') ? 3 : 2, 2),
};
