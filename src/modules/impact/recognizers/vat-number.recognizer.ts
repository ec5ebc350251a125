import { passesElevenProof } from './bsn.recognizer.ts';
import { MASK_CHAR } from './mask.ts';
import { invalid, MAX_IDENTIFIER_LENGTH, type Recognizer, type Validation } from './recognizer.ts';

/** A Dutch VAT number (btw-nummer / btw-id): NL, nine digits, B, two digits. */
export const DUTCH_VAT_REGEX_SOURCE = '^NL[0-9]{9}B[0-9]{2}$';
/** The same without anchors, to find VAT numbers inside composite fields and free text. */
export const DUTCH_VAT_SEARCH_REGEX_SOURCE = 'NL[0-9]{9}B[0-9]{2}';

const VAT_SHAPE = new RegExp(DUTCH_VAT_REGEX_SOURCE);

/**
 * `bsn_based`: the nine digits pass the 11-proef, as in VAT numbers before 2020, where a sole trader's
 * number was their BSN (a legal entity's RSIN passes the same test, so this is "may contain a BSN").
 * `mod97`: the btw-identificatienummer issued since 2020, checked with mod 97 over "NL" + number.
 */
export type VatScheme = 'bsn_based' | 'mod97';

export function normaliseVatNumber(value: string): string | null {
  if (value.length > MAX_IDENTIFIER_LENGTH) return null;
  const compact = value.trim().toUpperCase().replace(/[\s.-]/g, '');
  return VAT_SHAPE.test(compact) ? compact : null;
}

function passesVatMod97(vat: string): boolean {
  let remainder = 0;
  for (const ch of vat) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export function vatScheme(normalisedVat: string): VatScheme | null {
  if (passesElevenProof(normalisedVat.slice(2, 11))) return 'bsn_based';
  if (passesVatMod97(normalisedVat)) return 'mod97';
  return null;
}

/** The BSN a pre-2020 sole trader's VAT number may hold, or null when the digits cannot be one. */
export function extractBsnFromVat(value: string): string | null {
  const vat = normaliseVatNumber(value);
  if (vat === null || vatScheme(vat) !== 'bsn_based') return null;
  return vat.slice(2, 11);
}

export function validateVatNumber(value: string): Validation {
  const vat = normaliseVatNumber(value);
  if (vat === null) return invalid('not_dutch_vat_shape');
  if (/^NL0{9}/.test(vat)) return invalid('all_zero');
  return vatScheme(vat) === null ? invalid('fails_eleven_proof_and_mod_97') : { valid: true };
}

export const vatNumberRecognizer: Recognizer = {
  category: 'vat_number',
  headerSynonyms: [
    'btw',
    'btwnummer',
    'btwnr',
    'btwid',
    'btwidentificatienummer',
    'omzetbelastingnummer',
    'vat',
    'vatnumber',
    'vatno',
    'vatid',
    'taxid',
  ],
  regexSource: DUTCH_VAT_REGEX_SOURCE,
  needsHeader: false,
  // Either test passing: 1/11 plus roughly 1/97.
  chancePassRate: 1 / 11 + 1 / 97,
  normalise: normaliseVatNumber,
  validate: validateVatNumber,
  mask: (vat) => `NL${MASK_CHAR.repeat(9)}${vat.slice(11)}`,
};
