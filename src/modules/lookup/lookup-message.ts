import type { IncidentTexts } from './incident-page.schemas.ts';
import { lookupTexts, type LookupLocale } from './lookup-texts.ts';

/** Plain words for the categories the impact analysis finds, so each person reads what of theirs leaked. */
const categoryWords: Record<string, { nl: string; en: string }> = {
  name: { nl: 'uw naam', en: 'your name' },
  address: { nl: 'uw adres', en: 'your address' },
  postcode: { nl: 'uw postcode', en: 'your postcode' },
  email: { nl: 'uw e-mailadres', en: 'your e-mail address' },
  phone: { nl: 'uw telefoonnummer', en: 'your phone number' },
  birth_date: { nl: 'uw geboortedatum', en: 'your date of birth' },
  customer_id: { nl: 'uw klantnummer', en: 'your customer number' },
  iban: { nl: 'uw bankrekeningnummer (IBAN)', en: 'your bank account number (IBAN)' },
  payment_card: { nl: 'gegevens van uw betaalkaart', en: 'your payment card details' },
  bsn: { nl: 'uw burgerservicenummer (BSN)', en: 'your citizen service number (BSN)' },
  vat_number: { nl: 'uw btw-nummer', en: 'your VAT number' },
  id_document: { nl: 'het nummer van uw identiteitsbewijs', en: 'the number of your identity document' },
  ip_address: { nl: 'uw IP-adres', en: 'your IP address' },
  mac_address: { nl: 'MAC-adressen van uw apparaten', en: 'MAC addresses of your devices' },
  device_name: { nl: 'namen van uw apparaten', en: 'names of your devices' },
  free_text_notes: { nl: 'notities over u (bijvoorbeeld over betalingsafspraken)', en: 'notes about you (for example about payment arrangements)' },
};

export function describeCategory(category: string, locale: LookupLocale): string {
  return categoryWords[category]?.[locale] ?? category.replace(/_/g, ' ');
}

export interface LookupMessageInput {
  locale: LookupLocale;
  organisationName: string;
  caseReference: string;
  texts: IncidentTexts;
  verifyUrl: string;
  verificationCode: string;
  /** The person's own exposed data; null when the identifier is not among the affected. */
  affected: { name: string | null; categories: string[] } | null;
}

export interface LookupMessage {
  subject: string;
  text: string;
}

/** The reply to a lookup: the person's own data and advice, or "not affected"; always verifiable. */
export function composeLookupMessage(input: LookupMessageInput): LookupMessage {
  const t = lookupTexts[input.locale];
  const lines: string[] = [];
  lines.push(`${t.mailGreeting}${input.affected?.name ? ` ${input.affected.name}` : ''},`, '');
  if (input.affected) {
    lines.push(t.mailAffected, ...input.affected.categories.map((category) => `- ${describeCategory(category, input.locale)}`), '');
    if (input.texts.whatHappened) lines.push(t.whatHappened, input.texts.whatHappened, '');
    if (input.texts.whatWeDid) lines.push(t.whatWeDid, input.texts.whatWeDid, '');
    if (input.texts.whatToDo) lines.push(t.whatToDo, input.texts.whatToDo, '');
  } else {
    lines.push(t.mailNotAffected, '');
  }
  if (input.texts.phishing) lines.push(t.phishing, input.texts.phishing, '');
  lines.push(t.mailNoLinks, '', `${t.mailVerify} ${input.verifyUrl}`, `${t.verifyCode}: ${input.verificationCode}`, `${t.reference}: ${input.caseReference}`);
  if (input.texts.contact) lines.push('', `${t.contact}: ${input.texts.contact}`);
  lines.push('', input.organisationName);
  const subject = `${input.affected ? t.mailAffectedSubject : t.mailNotAffectedSubject} (${input.caseReference}, ${input.organisationName})`;
  return { subject, text: `${lines.join('\n')}\n` };
}

/** The reply by text message: short, with the person's own exposed data and the code to check it is genuine. */
export function composeLookupSms(input: Omit<LookupMessageInput, 'texts'>): string {
  const t = lookupTexts[input.locale];
  const finding = input.affected
    ? `${t.smsAffected}: ${input.affected.categories.map((category) => describeCategory(category, input.locale)).join(', ')}`
    : t.smsNotAffected;
  return `${input.organisationName}: ${finding}. ${t.mailNoLinks} ${t.verifyCode}: ${input.verificationCode}. ${t.smsMore}: ${input.verifyUrl} (${input.caseReference})`;
}
