import { maskWords } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Letters, spaces, apostrophes, hyphens and dots (initials), 2 to 100 characters. */
export const PERSON_NAME_REGEX_SOURCE = "^\\p{L}[\\p{L} .'-]{1,99}$";

/** Dutch surname prefixes (tussenvoegsels), written in lower case inside a full name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'bij', 'uit',
  'la', 'le', 'du', 'da', 'di', 'dos', 'el', 'al', 'von', 'zu', 'vd', 'v.d.',
]);

const NAME_CHARS = /^[\p{L}][\p{L}\p{M} .'’-]{0,99}$/u;
const CAPITALISED = /^\p{Lu}/u;
const INITIALS = /^(\p{Lu}\.){1,4}$/u;
const MAX_TOKENS = 8;

export function normalisePersonName(value: string): string | null {
  if (value.length > 120) return null;
  const name = value.trim().replace(/\s+/g, ' ');
  if (!NAME_CHARS.test(name)) return null;
  return name.split(' ').length <= MAX_TOKENS ? name : null;
}

/** At least one capitalised word that is not a particle; upper-case exports count as capitalised. */
export function validatePersonName(value: string): Validation {
  const name = normalisePersonName(value);
  if (name === null) return invalid('not_name_shape');
  const words = name.split(' ');
  const substantive = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  if (substantive.length === 0) return invalid('only_particles');
  if (!substantive.some((w) => CAPITALISED.test(w) || INITIALS.test(w))) return invalid('not_capitalised');
  return VALID;
}

/** A full name: two or more words, as opposed to a single first name, surname or city. */
export function isFullName(value: string): boolean {
  const name = normalisePersonName(value);
  return name !== null && validatePersonName(name).valid && name.split(' ').length >= 2;
}

export const personNameRecognizer: Recognizer = {
  category: 'name',
  headerSynonyms: [
    'naam',
    'volledigenaam',
    'voornaam',
    'voornamen',
    'roepnaam',
    'achternaam',
    'geslachtsnaam',
    'familienaam',
    'tussenvoegsel',
    'voorletters',
    'initialen',
    'aanhef',
    'tenaamstelling',
    'contactpersoon',
    'klantnaam',
    'name',
    'fullname',
    'firstname',
    'givenname',
    'lastname',
    'surname',
    'familyname',
    'middlename',
    'initials',
    'customername',
    'contactname',
    'accountholder',
    'rekeninghouder',
  ],
  regexSource: PERSON_NAME_REGEX_SOURCE,
  // Cities, product names and job titles share the shape.
  needsHeader: true,
  chancePassRate: null,
  normalise: normalisePersonName,
  validate: validatePersonName,
  mask: maskWords,
};
