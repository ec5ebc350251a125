import { MASK_CHAR } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Any IBAN after normalisation: country, two check digits, 11 to 30 letters or digits. */
export const IBAN_REGEX_SOURCE = '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$';
/** A Dutch IBAN: NL, two check digits, a four-letter bank code and ten digits. */
export const DUTCH_IBAN_REGEX_SOURCE = '^NL[0-9]{2}[A-Z]{4}[0-9]{10}$';

const IBAN_SHAPE = new RegExp(IBAN_REGEX_SOURCE);
const DUTCH_IBAN = new RegExp(DUTCH_IBAN_REGEX_SOURCE);

/** IBAN length per country, from the ISO 13616 registry (SWIFT IBAN Registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Bank codes (positions 5-8) of banks that issue or issued Dutch IBANs. */
export const DUTCH_BANK_CODES: Readonly<Record<string, string>> = {
  ABNA: 'ABN AMRO',
  ADYB: 'Adyen',
  AEGO: 'Aegon Bank',
  ARSN: 'Argenta',
  ASNB: 'ASN Bank',
  BICK: 'Binck Bank',
  BKMG: 'Bank Mendes Gans',
  BNGH: 'BNG Bank',
  BNPA: 'BNP Paribas',
  BUNQ: 'bunq',
  CITI: 'Citibank',
  COBA: 'Commerzbank',
  DEUT: 'Deutsche Bank',
  DHBN: 'Demir-Halk Bank',
  DNIB: 'NIBC Bank',
  FRBK: 'Friesland Bank',
  FVLB: 'Van Lanschot',
  HAND: 'Handelsbanken',
  HSBC: 'HSBC',
  INGB: 'ING',
  ISBK: 'Isbank',
  KNAB: 'Knab',
  KRED: 'KBC',
  LOYD: 'Lloyds Bank',
  NNBA: 'Nationale-Nederlanden Bank',
  NWAB: 'Nederlandse Waterschapsbank',
  RABO: 'Rabobank',
  RBRB: 'RegioBank',
  SNSB: 'SNS',
  TRIO: 'Triodos Bank',
  UGBI: 'Garantibank',
  VOWA: 'Volkswagen Bank',
  ZWLB: 'Zwitserleven',
};

export function normaliseIban(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value
    .trim()
    .toUpperCase()
    .replace(/^IBAN[:\s]*/, '')
    .replace(/[\s.-]/g, '');
  return IBAN_SHAPE.test(compact) ? compact : null;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed piecewise to stay within safe integers. */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

export function validateIban(value: string): Validation {
  const iban = normaliseIban(value);
  if (iban === null) return invalid('not_iban_shape');
  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength === undefined) return invalid('unknown_country');
  if (iban.length !== expectedLength) return invalid('wrong_length_for_country');
  if (iban.startsWith('NL') && !DUTCH_IBAN.test(iban)) return invalid('wrong_dutch_layout');
  if (ibanRemainder(iban) !== 1) return invalid('fails_mod_97');
  return VALID;
}

export interface IbanDetails {
  country: string;
  bankCode: string | null;
  /** The bank's name for a Dutch IBAN whose bank code is known; null otherwise. */
  bankName: string | null;
}

export function describeIban(normalisedIban: string): IbanDetails {
  const country = normalisedIban.slice(0, 2);
  if (country !== 'NL') return { country, bankCode: null, bankName: null };
  const bankCode = normalisedIban.slice(4, 8);
  return { country, bankCode, bankName: DUTCH_BANK_CODES[bankCode] ?? null };
}

/** `NL91 •••• •••• •••• 00`: country and check digits, then only the last two characters. */
export function maskIban(iban: string): string {
  const chars = Array.from(iban).map((c, i) => (i < 4 || i >= iban.length - 2 ? c : MASK_CHAR));
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4).join(''));
  return groups.join(' ');
}

export const ibanRecognizer: Recognizer = {
  category: 'iban',
  headerSynonyms: [
    'iban',
    'rekeningnummer',
    'rekeningnr',
    'bankrekening',
    'bankrekeningnummer',
    'bankaccount',
    'bankaccountnumber',
    'tegenrekening',
    'incassorekening',
  ],
  regexSource: IBAN_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: 1 / 97,
  normalise: normaliseIban,
  validate: validateIban,
  mask: maskIban,
};
