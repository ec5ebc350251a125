import { MASK_CHAR } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** A normalised e-mail address: lower case, one @, a dotted domain with a letter TLD. */
export const EMAIL_REGEX_SOURCE = '^[a-z0-9._%+\'-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,63}$';

const EMAIL_SHAPE = new RegExp(EMAIL_REGEX_SOURCE);
const MAX_EMAIL_LENGTH = 254;

/**
 * Lower case, without surrounding spaces, angle brackets or `mailto:`. The local part is technically
 * case-sensitive, but no mailbox provider treats it so, and matching people needs one form.
 */
export function normaliseEmail(value: string): string | null {
  if (value.length > MAX_EMAIL_LENGTH + 16) return null;
  const email = value
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(email)) return null;
  return email;
}

export function validateEmail(value: string): Validation {
  const email = normaliseEmail(value);
  if (email === null) return invalid('not_email_shape');
  const [local = '', domain = ''] = email.split('@');
  if (local.length > 64) return invalid('local_part_too_long');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return invalid('misplaced_dot');
  if (domain.split('.').some((label) => label.startsWith('-') || label.endsWith('-') || label.length > 63)) {
    return invalid('bad_domain_label');
  }
  return VALID;
}

/** `j•••@e•••.nl`: first character of the mailbox and of the domain, and the top-level domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const hidden = MASK_CHAR.repeat(3);
  return `${local.slice(0, 1)}${hidden}@${domain.slice(0, 1)}${hidden}${domain.slice(dot)}`;
}

export const emailRecognizer: Recognizer = {
  category: 'email',
  headerSynonyms: [
    'email',
    'emailadres',
    'emailaddress',
    'mail',
    'mailadres',
    'eadres',
    'emailaddr',
    'correspondentieemail',
  ],
  regexSource: EMAIL_REGEX_SOURCE,
  needsHeader: false,
  chancePassRate: null,
  normalise: normaliseEmail,
  validate: validateEmail,
  mask: maskEmail,
};
