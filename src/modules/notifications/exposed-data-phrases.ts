import type { Language } from './notifications.types.ts';

/**
 * Each data category in the words a person understands, about their own data ("your bank account number").
 * A category without a phrase is still named, by its code, so that nothing leaked goes unmentioned.
 */
const phrases: Record<string, Record<Language, string>> = {
  name: { nl: 'uw naam', en: 'your name' },
  address: { nl: 'uw adres', en: 'your address' },
  postcode: { nl: 'uw postcode', en: 'your postcode' },
  email: { nl: 'uw e-mailadres', en: 'your e-mail address' },
  phone: { nl: 'uw telefoonnummer', en: 'your phone number' },
  birth_date: { nl: 'uw geboortedatum', en: 'your date of birth' },
  gender: { nl: 'uw geslacht', en: 'your sex' },
  customer_id: { nl: 'uw klantnummer', en: 'your customer number' },
  contract_details: { nl: 'gegevens over uw abonnement of bestelling', en: 'details of your contract or order' },
  iban: { nl: 'uw bankrekeningnummer (IBAN)', en: 'your bank account number (IBAN)' },
  payment_card: { nl: 'gegevens van uw betaalkaart', en: 'your payment card details' },
  financial_situation: { nl: 'notities over uw betalingen', en: 'notes about your payments' },
  bsn: { nl: 'uw burgerservicenummer (BSN)', en: 'your citizen service number (BSN)' },
  vat_number: { nl: 'uw btw-nummer (daarin kan uw BSN staan)', en: 'your VAT number (it may contain your BSN)' },
  id_document: { nl: 'het nummer en de geldigheid van uw identiteitsbewijs', en: 'the number and expiry date of your identity document' },
  login_credentials: { nl: 'uw inloggegevens', en: 'your login details' },
  password_hash: { nl: 'een versleutelde vorm van uw wachtwoord', en: 'an encrypted form of your password' },
  location: { nl: 'uw locatiegegevens', en: 'your location data' },
  ip_address: { nl: 'uw IP-adres', en: 'your IP address' },
  mac_address: { nl: 'de MAC-adressen van uw apparaten', en: 'the MAC addresses of your devices' },
  device_id: { nl: 'de namen van uw apparaten', en: 'the names of your devices' },
  health: { nl: 'gegevens over uw gezondheid', en: 'information about your health' },
  notes: { nl: 'notities in uw klantdossier', en: 'notes in your customer file' },
};

const listWords: Record<Language, string> = { nl: 'en', en: 'and' };

/** The person's own exposed data as one phrase: "your name, your address and your IBAN". */
export function describeExposedData(categories: readonly string[], language: Language): string {
  const words = [...new Set(categories)].map((category) => phrases[category]?.[language] ?? category.replaceAll('_', ' '));
  if (words.length === 0) return language === 'nl' ? 'geen gegevens die wij kunnen aanwijzen' : 'no data we can point to';
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} ${listWords[language]} ${words[words.length - 1]}`;
}
