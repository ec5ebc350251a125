import { maskWords } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Dutch street words, matched as the end of a street name ("Kerkstraat", "Oude Gracht"). */
export const DUTCH_STREET_SUFFIXES: readonly string[] = [
  'straat', 'laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'dreef', 'steeg', 'pad', 'hof',
  'markt', 'park', 'baan', 'ring', 'wal', 'erf', 'veld', 'plantsoen', 'boulevard', 'haven', 'kanaal',
  'polder', 'straatje', 'plaats', 'oord', 'hoek', 'rade', 'vliet', 'zijde', 'kwartier',
];
/** English street words, matched only as the whole last word ("Oak Road", "High St"). */
export const ENGLISH_STREET_WORDS: readonly string[] = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'way', 'close', 'court', 'square',
];

/** A street, a house number and an optional addition: "Kerkstraat 12", "Laan van Meerdervoort 5-A". */
export const STREET_ADDRESS_REGEX_SOURCE =
  "^\\p{L}[\\p{L} .'-]{1,60} [0-9]{1,5}( ?[a-zA-Z]{1,3}|[ /-][0-9a-zA-Z]{1,5})?(,.*)?$";

const STREET_AND_NUMBER =
  /^(\p{L}[\p{L}\p{M} .'’-]{1,60}?)\s+(\d{1,5})(?:\s?[a-z]{1,3}|\s?[-/ ]\s?[0-9a-z]{1,5}|\s?(?:bis|hs|huis|boven|bg|rd|i{1,3}))?(?:\s*,.*)?$/iu;
const STREET_SUFFIX = new RegExp(`(${DUTCH_STREET_SUFFIXES.join('|')})$|^(${ENGLISH_STREET_WORDS.join('|')})\\.?$`, 'i');

export function normaliseStreetAddress(value: string): string | null {
  if (value.length > 160) return null;
  const address = value.trim().replace(/\s+/g, ' ');
  return STREET_AND_NUMBER.test(address) ? address : null;
}

export function streetOf(address: string): string | null {
  return STREET_AND_NUMBER.exec(address)?.[1]?.trim() ?? null;
}

/**
 * "Word(s) and a number" also fits "Windows 10" and "Kamer 12": an address is valid when its street
 * ends in a street word, or has the Dutch "X van Y" form of named streets.
 */
export function validateStreetAddress(value: string): Validation {
  const address = normaliseStreetAddress(value);
  if (address === null) return invalid('not_street_and_number');
  const street = streetOf(address) ?? '';
  const lastWord = street.split(' ').at(-1) ?? '';
  if (STREET_SUFFIX.test(lastWord) || /\s(van|de|der|den)\s/i.test(street)) return VALID;
  return invalid('no_street_word');
}

export const streetAddressRecognizer: Recognizer = {
  category: 'address',
  headerSynonyms: [
    'adres',
    'adresregel',
    'adresregel1',
    'straat',
    'straatnaam',
    'huisnummer',
    'huisnr',
    'huisnummertoevoeging',
    'toevoeging',
    'woonplaats',
    'plaats',
    'plaatsnaam',
    'postadres',
    'woonadres',
    'factuuradres',
    'correspondentieadres',
    'bezoekadres',
    'address',
    'addressline',
    'addressline1',
    'street',
    'streetname',
    'streetaddress',
    'housenumber',
    'city',
    'town',
    'residence',
  ],
  regexSource: STREET_ADDRESS_REGEX_SOURCE,
  // House numbers, cities and street names alone only say "address" through their header.
  needsHeader: true,
  chancePassRate: null,
  normalise: normaliseStreetAddress,
  validate: validateStreetAddress,
  mask: maskWords,
};
