import type { CaseFacts, DataCategory } from './case-facts.schemas.ts';
import { careProviderTraits, describeCategories, describeGroups, hasTrait, identityFraudCategories, specialCategories, uniqueCategories } from './data-categories.ts';
import { vulnerableGroupsOf } from './enisa-severity.ts';
import type { RiskOutcome, Severity } from './risk.types.ts';

/**
 * The EDPB's reading of risk (Guidelines 9/2022 on breach notification, illustrated by the 18 cases of
 * Guidelines 01/2021) laid over the ENISA score. A floor rule lifts the outcome to at least its level,
 * a cap rule lowers it to at most its level. Rules run in three phases: confidentiality floors, then
 * caps (which neutralise a confidentiality loss), then floors about integrity and availability, which
 * no encryption or trusted recipient can undo.
 */

/** From this many people a public or wide exposure is treated as high risk (EDPB 01/2021 case 11: ~100,000). */
export const MASS_EXPOSURE_PEOPLE = 10_000;

export interface RuleContext {
  facts: CaseFacts;
  severity: Severity;
  categories: DataCategory[];
  /** The data left control in readable form and nobody has undone that. */
  readableExposure: boolean;
  unintelligible: boolean;
  special: DataCategory[];
  identityFraud: DataCategory[];
  vulnerable: string[];
  careProvider: string | undefined;
}

export interface RiskRule {
  code: string;
  kind: 'floor' | 'cap';
  phase: 'confidentiality' | 'neutralise' | 'integrity_availability';
  level: RiskOutcome;
  applies(context: RuleContext, current: RiskOutcome): boolean;
  en(context: RuleContext): string;
  nl(context: RuleContext): string;
}

export function buildRuleContext(facts: CaseFacts, severity: Severity): RuleContext {
  const categories = uniqueCategories(facts);
  const { protection } = facts.data;
  const unintelligible = protection === 'encrypted_key_safe' || protection === 'hashed_strong';
  const neutralised = facts.measures.recipient_trusted_and_deleted || facts.measures.data_recovered_before_access;
  const identityFraud = categories.filter((category) => identityFraudCategories.includes(category));
  if (categories.includes('login_credentials') && !unintelligible) identityFraud.push('login_credentials');
  return {
    facts,
    severity,
    categories,
    readableExposure: facts.breach.confidentiality !== 'none' && !unintelligible && !neutralised,
    unintelligible,
    special:
      facts.data.insight === 'detailed' || facts.data.insight === 'assumptions'
        ? categories.filter((category) => specialCategories.includes(category))
        : [],
    identityFraud,
    vulnerable: vulnerableGroupsOf(facts),
    careProvider: hasTrait(facts, careProviderTraits) ?? (facts.sector === 'health' ? 'health sector' : undefined),
  };
}

const rank: Record<RiskOutcome, number> = { none: 0, risk: 1, high: 2 };
export function atLeast(a: RiskOutcome, b: RiskOutcome): boolean {
  return rank[a] >= rank[b];
}

export const riskRules: readonly RiskRule[] = [
  {
    code: 'special_categories_exposed',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'high',
    applies: (c) => c.readableExposure && c.special.length > 0,
    en: (c) => `Special categories of data (${describeCategories(c.special, 'en')}) were exposed; for such data the EDPB treats damage as likely.`,
    nl: (c) => `Bijzondere persoonsgegevens (${describeCategories(c.special, 'nl')}) zijn gelekt; de EDPB gaat er bij zulke gegevens van uit dat schade waarschijnlijk is.`,
  },
  {
    code: 'identity_fraud_possible',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'high',
    applies: (c) => c.readableExposure && c.identityFraud.length > 0,
    en: (c) => `${capitalise(describeCategories(c.identityFraud, 'en'))} in untrusted hands make identity theft or fraud possible.`,
    nl: (c) => `${capitalise(describeCategories(c.identityFraud, 'nl'))} in onbetrouwbare handen maken identiteitsfraude of andere fraude mogelijk.`,
  },
  {
    code: 'vulnerable_targeted',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'high',
    applies: (c) => c.readableExposure && c.facts.breach.malicious && c.vulnerable.length > 0,
    en: (c) => `Data of vulnerable people (${describeGroups(c.vulnerable, 'en')}) were taken on purpose; they are less able to protect themselves against misuse.`,
    nl: (c) => `Gegevens van kwetsbare mensen (${describeGroups(c.vulnerable, 'nl')}) zijn met opzet buitgemaakt; zij kunnen zich minder goed tegen misbruik beschermen.`,
  },
  {
    code: 'mass_exposure',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'high',
    applies: (c, current) =>
      atLeast(current, 'risk') &&
      c.readableExposure &&
      (c.facts.breach.confidentiality === 'unknown_recipients' || c.facts.breach.confidentiality === 'public') &&
      c.facts.data.subjects.max >= MASS_EXPOSURE_PEOPLE,
    en: (c) => `Up to ${formatCount(c.facts.data.subjects.max, 'en')} people’s readable data are out of control with unknown recipients; at this number misuse such as phishing is to be expected.`,
    nl: (c) => `Leesbare gegevens van tot ${formatCount(c.facts.data.subjects.max, 'nl')} mensen zijn buiten controle bij onbekende ontvangers; bij dit aantal is misbruik zoals phishing te verwachten.`,
  },
  {
    code: 'malicious_exposure',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'risk',
    applies: (c) => c.readableExposure && c.facts.breach.malicious,
    en: () => 'Someone took or viewed the readable data on purpose, so misuse is likely to be intended.',
    nl: () => 'Iemand heeft de leesbare gegevens met opzet ingezien of meegenomen, dus misbruik ligt voor de hand.',
  },
  {
    code: 'data_made_public',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'risk',
    applies: (c) => c.readableExposure && c.facts.breach.confidentiality === 'public',
    en: () => 'The data were made public and cannot be taken back.',
    nl: () => 'De gegevens zijn openbaar gemaakt en kunnen niet worden teruggehaald.',
  },
  {
    code: 'unlawful_transfer',
    kind: 'floor',
    phase: 'confidentiality',
    level: 'risk',
    applies: (c) => c.facts.transfer !== undefined && c.facts.transfer.outside_eea && (c.facts.transfer.basis === 'none' || c.facts.transfer.basis === 'unknown'),
    en: (c) => `The data went to ${c.facts.transfer?.destination_country ?? '?'}, outside the EEA, without a Chapter V basis; the people lost control and cannot exercise their rights there.`,
    nl: (c) => `De gegevens zijn zonder grondslag uit hoofdstuk V naar ${c.facts.transfer?.destination_country ?? '?'} gegaan, buiten de EER; de mensen verloren de controle en kunnen daar hun rechten niet uitoefenen.`,
  },
  {
    code: 'unintelligible_data',
    kind: 'cap',
    phase: 'neutralise',
    level: 'none',
    applies: (c) =>
      c.unintelligible &&
      c.facts.breach.integrity === 'none' &&
      (c.facts.breach.availability === 'none' || c.facts.data.backup_available),
    en: (c) =>
      c.facts.data.protection === 'encrypted_key_safe'
        ? 'The data were encrypted with the key safe, and a backup (or no loss of availability) means nothing is lost: a risk is unlikely.'
        : 'Only identifiers and strongly hashed secrets left control, and nothing is lost: a risk is unlikely.',
    nl: (c) =>
      c.facts.data.protection === 'encrypted_key_safe'
        ? 'De gegevens waren versleuteld en de sleutel is veilig; er is een back-up (of niets onbeschikbaar), dus niets is verloren: een risico is onwaarschijnlijk.'
        : 'Alleen identificerende gegevens en sterk gehashte geheimen zijn gelekt en niets is verloren: een risico is onwaarschijnlijk.',
  },
  {
    code: 'trusted_recipient_deleted',
    kind: 'cap',
    phase: 'neutralise',
    level: 'none',
    applies: (c) =>
      c.facts.breach.confidentiality === 'known_recipients' &&
      !c.facts.breach.malicious &&
      c.facts.measures.recipient_trusted_and_deleted &&
      c.facts.breach.integrity === 'none' &&
      c.facts.breach.availability === 'none',
    en: () => 'The data reached a known, trusted recipient by mistake, who has deleted them: a risk is unlikely.',
    nl: () => 'De gegevens kwamen per vergissing bij een bekende, betrouwbare ontvanger terecht, die ze heeft verwijderd: een risico is onwaarschijnlijk.',
  },
  {
    code: 'recovered_before_access',
    kind: 'cap',
    phase: 'neutralise',
    level: 'none',
    applies: (c) =>
      c.facts.measures.data_recovered_before_access &&
      c.facts.breach.integrity === 'none' &&
      (c.facts.breach.availability === 'none' || c.facts.data.backup_available),
    en: () => 'The data were recovered before anyone could access them: a risk is unlikely.',
    nl: () => 'De gegevens zijn teruggehaald voordat iemand erbij kon: een risico is onwaarschijnlijk.',
  },
  {
    code: 'short_outage_restored',
    kind: 'cap',
    phase: 'neutralise',
    level: 'none',
    applies: (c) =>
      c.facts.breach.confidentiality === 'none' &&
      c.facts.breach.integrity === 'none' &&
      c.facts.breach.availability === 'temporary' &&
      c.facts.data.backup_available &&
      !c.careProvider &&
      c.special.length === 0 &&
      c.vulnerable.length === 0,
    en: () => 'Only availability was lost, briefly, and the data were restored from a backup without consequences for the people: a risk is unlikely.',
    nl: () => 'Alleen de beschikbaarheid ging kort verloren en de gegevens zijn uit een back-up hersteld zonder gevolgen voor de mensen: een risico is onwaarschijnlijk.',
  },
  {
    code: 'identity_takeover',
    kind: 'floor',
    phase: 'integrity_availability',
    level: 'high',
    applies: (c) => c.facts.breach.malicious && c.facts.breach.cause === 'social_engineering' && c.facts.breach.integrity !== 'none',
    en: () => 'An impostor changed the person’s details by deception: this is identity theft.',
    nl: () => 'Een oplichter heeft door misleiding iemands gegevens gewijzigd: dit is identiteitsfraude.',
  },
  {
    code: 'care_disrupted',
    kind: 'floor',
    phase: 'integrity_availability',
    level: 'high',
    applies: (c) =>
      c.facts.breach.availability !== 'none' && c.careProvider !== undefined && c.categories.some((category) => category === 'health'),
    en: (c) => `Health data of a care provider (${c.careProvider ?? ''}) were unavailable, which can delay treatment.`,
    nl: (c) => `Gezondheidsgegevens van een zorgaanbieder (${c.careProvider ?? ''}) waren onbeschikbaar, wat behandeling kan vertragen.`,
  },
  {
    code: 'availability_without_backup',
    kind: 'floor',
    phase: 'integrity_availability',
    level: 'risk',
    applies: (c) => c.facts.breach.availability === 'permanent' || (c.facts.breach.availability === 'temporary' && !c.facts.data.backup_available),
    en: (c) =>
      c.facts.breach.availability === 'permanent'
        ? 'Data were lost for good.'
        : 'Data were unavailable and there was no backup to restore them quickly.',
    nl: (c) =>
      c.facts.breach.availability === 'permanent'
        ? 'Gegevens zijn blijvend verloren.'
        : 'Gegevens waren onbeschikbaar en er was geen back-up om ze snel terug te zetten.',
  },
  {
    code: 'integrity_not_recoverable',
    kind: 'floor',
    phase: 'integrity_availability',
    level: 'risk',
    applies: (c) => c.facts.breach.integrity === 'not_recoverable',
    en: () => 'Data were altered and the correct version cannot be restored.',
    nl: () => 'Gegevens zijn gewijzigd en de juiste versie kan niet worden hersteld.',
  },
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Thousands grouped by hand so that output never depends on the ICU data of the machine. */
export function formatCount(value: number, language: 'en' | 'nl'): string {
  const separator = language === 'en' ? ',' : '.';
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
