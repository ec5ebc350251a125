import type { PersonalDataCategory, Recognizer } from './recognizer.ts';

/** Headers that contain a personal-data word but name something else ("bedrijfsnaam" is not a person). */
export const NON_PERSONAL_HEADERS: readonly string[] = [
  'bedrijfsnaam',
  'bedrijf',
  'organisatienaam',
  'handelsnaam',
  'companyname',
  'company',
  'productnaam',
  'productname',
  'bestandsnaam',
  'filename',
  'tabelnaam',
  'tablename',
  'kolomnaam',
  'columnname',
  'servernaam',
  'servername',
  'productcode',
  'ordernummer',
  'ordernumber',
  'orderid',
  'factuurnummer',
  'invoicenumber',
  'invoiceid',
  'transactieid',
  'transactionid',
];

/** Synonyms this short only match a whole header token: "ip" must not match "description". */
const TOKEN_ONLY_MAX_LENGTH = 4;

export interface HeaderWords {
  /** Lower case, diacritics removed, letters and digits only: "E-mail adres" → "emailadres". */
  compact: string;
  /** The words of the header, split at separators and camelCase: "customerID" → ["customer", "id"]. */
  tokens: string[];
}

export function headerWords(header: string): HeaderWords {
  const plain = header.normalize('NFD').replace(/\p{M}/gu, '');
  const tokens = plain
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
  return { compact: tokens.join(''), tokens };
}

function matchLength(words: HeaderWords, synonym: string): number {
  if (words.compact === synonym) return 1000 + synonym.length;
  if (synonym.length <= TOKEN_ONLY_MAX_LENGTH) return words.tokens.includes(synonym) ? synonym.length : 0;
  return words.compact.includes(synonym) ? synonym.length : 0;
}

/**
 * The category a header names, by the longest synonym it contains ("straatnaam" is an address, not a
 * name), or null when it names none or names something that is not personal data.
 */
export function categoryFromHeader(header: string, recognizers: readonly Recognizer[]): PersonalDataCategory | null {
  const words = headerWords(header);
  if (words.compact.length === 0) return null;
  let best: { category: PersonalDataCategory | null; length: number } = { category: null, length: 0 };
  for (const synonym of NON_PERSONAL_HEADERS) {
    const length = matchLength(words, synonym);
    if (length > best.length) best = { category: null, length };
  }
  for (const recognizer of recognizers) {
    for (const synonym of recognizer.headerSynonyms) {
      const length = matchLength(words, synonym);
      if (length > best.length) best = { category: recognizer.category, length };
    }
  }
  return best.category;
}
