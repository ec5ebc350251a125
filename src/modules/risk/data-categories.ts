import type { CaseFacts, DataCategory, Identifiability } from './case-facts.schemas.ts';
import type { EnisaDataType } from './risk.types.ts';

/**
 * How each category of the vocabulary enters the ENISA method: its data type (Annex 1 of the method)
 * and how easily it points to a person on its own. Credentials are not a type of their own in ENISA:
 * they take the type of the data behind them, which `credentialDataType` decides.
 */
interface CategoryProfile {
  type: EnisaDataType | 'credential';
  identifies: Identifiability;
  en: string;
  nl: string;
}

export const categoryProfiles: Record<DataCategory, CategoryProfile> = {
  name: { type: 'simple', identifies: 'significant', en: 'names', nl: 'namen' },
  address: { type: 'simple', identifies: 'significant', en: 'addresses', nl: 'adressen' },
  email: { type: 'simple', identifies: 'significant', en: 'e-mail addresses', nl: 'e-mailadressen' },
  phone: { type: 'simple', identifies: 'significant', en: 'phone numbers', nl: 'telefoonnummers' },
  birth_date: { type: 'simple', identifies: 'limited', en: 'dates of birth', nl: 'geboortedata' },
  gender: { type: 'simple', identifies: 'negligible', en: 'sex', nl: 'geslacht' },
  customer_id: { type: 'simple', identifies: 'limited', en: 'customer numbers', nl: 'klantnummers' },
  contract_details: { type: 'simple', identifies: 'limited', en: 'contract or order details', nl: 'contract- of bestelgegevens' },
  purchase_history: { type: 'behavioural', identifies: 'negligible', en: 'purchase histories', nl: 'aankoopgeschiedenis' },
  education_employment: { type: 'simple', identifies: 'limited', en: 'education and work history', nl: 'opleiding en werkervaring' },
  vehicle_registration: { type: 'simple', identifies: 'limited', en: 'vehicle registration numbers', nl: 'kentekens' },
  iban: { type: 'financial', identifies: 'limited', en: 'bank account numbers', nl: 'rekeningnummers' },
  payment_card: { type: 'financial', identifies: 'limited', en: 'payment card details', nl: 'betaalkaartgegevens' },
  financial_situation: {
    type: 'financial',
    identifies: 'negligible',
    en: 'information on financial situation',
    nl: 'gegevens over de financiële situatie',
  },
  bsn: { type: 'simple', identifies: 'maximum', en: 'citizen service numbers (BSN)', nl: 'burgerservicenummers (BSN)' },
  id_document: { type: 'simple', identifies: 'maximum', en: 'identity document numbers', nl: 'nummers van identiteitsbewijzen' },
  login_credentials: { type: 'credential', identifies: 'limited', en: 'login credentials', nl: 'inloggegevens' },
  password_hash: { type: 'credential', identifies: 'negligible', en: 'password hashes', nl: 'wachtwoordhashes' },
  location: { type: 'behavioural', identifies: 'limited', en: 'location data', nl: 'locatiegegevens' },
  traffic_data: { type: 'behavioural', identifies: 'limited', en: 'traffic data', nl: 'verkeersgegevens' },
  device_id: { type: 'simple', identifies: 'limited', en: 'device identifiers and names', nl: 'apparaat-ID’s en -namen' },
  mac_address: { type: 'simple', identifies: 'limited', en: 'MAC addresses', nl: 'MAC-adressen' },
  ip_address: { type: 'simple', identifies: 'limited', en: 'IP addresses', nl: 'IP-adressen' },
  communication_content: {
    type: 'behavioural',
    identifies: 'limited',
    en: 'content of communications',
    nl: 'inhoud van communicatie',
  },
  health: { type: 'sensitive', identifies: 'negligible', en: 'health data', nl: 'gezondheidsgegevens' },
  criminal: { type: 'sensitive', identifies: 'negligible', en: 'criminal-law data', nl: 'strafrechtelijke gegevens' },
  special_other: {
    type: 'sensitive',
    identifies: 'negligible',
    en: 'other special categories of data',
    nl: 'andere bijzondere persoonsgegevens',
  },
  children_data: { type: 'simple', identifies: 'limited', en: 'data about children', nl: 'gegevens over kinderen' },
};

/** GDPR art. 9 and 10 data: the EDPB treats damage from their disclosure as likely. */
export const specialCategories: readonly DataCategory[] = ['health', 'criminal', 'special_other'];

/** Identifiers that let someone pose as the person (identity theft, fraud). */
export const identityFraudCategories: readonly DataCategory[] = ['bsn', 'id_document', 'payment_card'];

/** Categories that sit next to a name and together point to one person without any research. */
const nameCompanions: readonly DataCategory[] = ['address', 'email', 'phone', 'birth_date'];

/** Controller traits whose mere customer list suggests health, beliefs or sexual life (ENISA simple data, +2). */
export const sensitiveRevealingTraits: readonly string[] = [
  'hospital',
  'clinic',
  'pharmacy',
  'general_practice',
  'mental_health',
  'addiction_care',
  'rehabilitation',
  'care_home',
  'abortion_clinic',
  'fertility_clinic',
  'political_party',
  'church',
  'religious_organisation',
  'trade_union',
  'dating_service',
];

/** Controller traits whose customer list suggests a person's financial or social status (ENISA simple data, +1). */
export const statusRevealingTraits: readonly string[] = [
  'debt_collection',
  'debt_counselling',
  'pawnbroker',
  'payday_lender',
  'social_welfare',
  'luxury_retail',
];

/** Controllers whose unavailable data delay care (EDPB 01/2021 case 3). */
export const careProviderTraits: readonly string[] = ['hospital', 'clinic', 'general_practice', 'mental_health', 'care_home', 'rehabilitation', 'addiction_care'];

export function hasTrait(facts: CaseFacts, traits: readonly string[]): string | undefined {
  const normalised = facts.controller_traits.map((trait) => trait.toLowerCase().replaceAll(/[\s-]+/g, '_'));
  return normalised.find((trait) => traits.includes(trait));
}

/** ENISA: credentials are scored as the data of the system they open. */
export function credentialDataType(facts: CaseFacts): EnisaDataType {
  if (facts.sector === 'health' || hasTrait(facts, careProviderTraits)) return 'sensitive';
  if (facts.sector === 'finance' || hasTrait(facts, ['bank', 'insurer', 'payment_provider'])) return 'financial';
  return 'simple';
}

export function dataTypeOf(category: DataCategory, facts: CaseFacts): EnisaDataType {
  const type = categoryProfiles[category].type;
  return type === 'credential' ? credentialDataType(facts) : type;
}

export function categoriesOfType(facts: CaseFacts, type: EnisaDataType): DataCategory[] {
  return uniqueCategories(facts).filter((category) => dataTypeOf(category, facts) === type);
}

export function uniqueCategories(facts: CaseFacts): DataCategory[] {
  return [...new Set(facts.data.categories)];
}

export const identifiabilityOrder: readonly Identifiability[] = ['negligible', 'limited', 'significant', 'maximum'];

/**
 * Ease of identification when the analyst gave none: the strongest single category, raised to maximum
 * when a name comes with an address, e-mail, phone or date of birth (no research needed then).
 */
export function deriveIdentifiability(facts: CaseFacts): { level: Identifiability; basis: DataCategory[] } {
  const categories = uniqueCategories(facts);
  const direct = categories.filter((category) => categoryProfiles[category].identifies === 'maximum');
  if (direct.length > 0) return { level: 'maximum', basis: direct };
  if (categories.includes('name')) {
    const companions = categories.filter((category) => nameCompanions.includes(category));
    if (companions.length > 0) return { level: 'maximum', basis: ['name', ...companions] };
  }
  let best: Identifiability = 'negligible';
  for (const category of categories) {
    const level = categoryProfiles[category].identifies;
    if (identifiabilityOrder.indexOf(level) > identifiabilityOrder.indexOf(best)) best = level;
  }
  return { level: best, basis: categories.filter((category) => categoryProfiles[category].identifies === best) };
}

export function describeCategories(categories: readonly DataCategory[], language: 'en' | 'nl'): string {
  const words = categories.map((category) => categoryProfiles[category][language]);
  if (words.length <= 1) return words.join('');
  const last = words[words.length - 1];
  return `${words.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'en'} ${last}`;
}

const vulnerableGroupWords: Record<string, { en: string; nl: string }> = {
  minors: { en: 'minors', nl: 'minderjarigen' },
  elderly: { en: 'elderly people', nl: 'ouderen' },
  financial_administration: { en: 'people under financial administration', nl: 'mensen onder bewind' },
  patients: { en: 'patients', nl: 'patiënten' },
  employees_in_dispute: { en: 'employees in a dispute', nl: 'werknemers in een geschil' },
  asylum_seekers: { en: 'asylum seekers', nl: 'asielzoekers' },
  victims: { en: 'victims', nl: 'slachtoffers' },
  other: { en: 'other vulnerable people', nl: 'andere kwetsbare mensen' },
};

export function describeGroups(groups: readonly string[], language: 'en' | 'nl'): string {
  return groups.map((group) => vulnerableGroupWords[group]?.[language] ?? group).join(', ');
}
