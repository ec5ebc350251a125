import { formatInZone } from '../../shared/time.ts';
import { categoryProfiles, describeGroups, type DataCategory, type RecordedFacts } from '../risk/index.ts';
import type { Bilingual, DraftAnswer, DraftContent, DraftKind, DraftRegime, DraftSection } from './regulator.schemas.ts';

/** Everything a draft is made of, gathered from the case; the builder itself does no I/O. */
export interface DraftInput {
  kind: DraftKind;
  regime: DraftRegime;
  timeZone: string;
  organisation: { name: string; sector: string; nis2: string; dpoName: string | null; dpoEmail: string | null; dpoPhone: string | null };
  reporter: { name: string; position: string | null; phone: string | null };
  /** Other organisations involved: brands and joint controllers on the case. */
  otherParties: string[];
  caseInfo: {
    reference: string;
    title: string;
    summary: string;
    awareAt: string | null;
    detectedAt: string | null;
    occurredAt: string | null;
    effects: string;
    remedialAction: string;
    decisionReason: string;
    closedReason: string | null;
  };
  /** The facts as the assessment sees them (recorded, completed from the case, overlaid with the impact analysis). */
  facts: RecordedFacts;
  assessment: {
    chosenOutcome: 'none' | 'risk' | 'high';
    overridden: boolean;
    justification: string | null;
    notifySubjects: boolean;
    severityLevel: string;
    severityScore: number;
    exceptions: Array<{ article: string; nl: string; en: string }>;
  } | null;
  /** Notifications to other authorities already recorded on the case (e.g. the CSIRT), by obligation id. */
  otherNotifications: Array<{ obligation: string; sentAt: string }>;
  /** The notification this one supplements or withdraws. */
  previous: { apReference: string | null; submittedAt: string } | null;
  otherInformation: string | null;
}

const notYetKnown: Bilingual = { nl: 'Nog niet bekend: aanvullen voor verzending.', en: 'Not yet known: complete before sending.' };

function answer(id: string, question: Bilingual, value: Bilingual | null): DraftAnswer {
  return value === null ? { id, question, answer: notYetKnown, missing: true } : { id, question, answer: value, missing: false };
}

function same(text: string): Bilingual {
  return { nl: text, en: text };
}

function group(facts: RecordedFacts, key: string): Record<string, unknown> {
  const value = facts[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const recipients: Record<DraftRegime, Bilingual> = {
  gdpr: { nl: 'Autoriteit Persoonsgegevens (meldformulier datalekken)', en: 'Dutch Data Protection Authority (AP), data breach form' },
  telecom: { nl: 'Autoriteit Persoonsgegevens (meldformulier datalekken, Telecommunicatiewet)', en: 'Dutch Data Protection Authority (AP), data breach form under the Telecommunications Act' },
  nis2_early_warning: { nl: 'CSIRT / bevoegde autoriteit (Cyberbeveiligingswet)', en: 'CSIRT / competent authority (NIS2)' },
  nis2_notification: { nl: 'CSIRT / bevoegde autoriteit (Cyberbeveiligingswet)', en: 'CSIRT / competent authority (NIS2)' },
  nis2_final: { nl: 'CSIRT / bevoegde autoriteit (Cyberbeveiligingswet)', en: 'CSIRT / competent authority (NIS2)' },
};

const titles: Record<DraftRegime, Record<DraftKind, Bilingual>> = {
  gdpr: {
    initial: { nl: 'Melding datalek (AVG art. 33)', en: 'Personal data breach notification (GDPR art. 33)' },
    follow_up: { nl: 'Vervolgmelding datalek (AVG art. 33 lid 4)', en: 'Follow-up breach notification (GDPR art. 33(4))' },
    withdrawal: { nl: 'Intrekking melding datalek', en: 'Withdrawal of a breach notification' },
  },
  telecom: {
    initial: { nl: 'Eerste melding inbreuk (Telecommunicatiewet art. 11.3a, binnen 24 uur)', en: 'Initial breach notification (Telecommunications Act art. 11.3a, within 24 hours)' },
    follow_up: { nl: 'Volledige melding inbreuk (Telecommunicatiewet, binnen 3 dagen)', en: 'Complete breach notification (Telecommunications Act, within 3 days)' },
    withdrawal: { nl: 'Intrekking melding inbreuk (Telecommunicatiewet)', en: 'Withdrawal of a breach notification (Telecommunications Act)' },
  },
  nis2_early_warning: {
    initial: { nl: 'Vroegtijdige waarschuwing significant incident (binnen 24 uur)', en: 'Early warning of a significant incident (within 24 hours)' },
    follow_up: { nl: 'Aanvulling op vroegtijdige waarschuwing', en: 'Update of the early warning' },
    withdrawal: { nl: 'Intrekking vroegtijdige waarschuwing', en: 'Withdrawal of the early warning' },
  },
  nis2_notification: {
    initial: { nl: 'Incidentmelding (binnen 72 uur)', en: 'Incident notification (within 72 hours)' },
    follow_up: { nl: 'Tussentijds verslag incident', en: 'Intermediate report on the incident' },
    withdrawal: { nl: 'Intrekking incidentmelding', en: 'Withdrawal of the incident notification' },
  },
  nis2_final: {
    initial: { nl: 'Eindverslag incident (binnen een maand)', en: 'Final report on the incident (within one month)' },
    follow_up: { nl: 'Aanvulling op eindverslag', en: 'Supplement to the final report' },
    withdrawal: { nl: 'Intrekking eindverslag', en: 'Withdrawal of the final report' },
  },
};

/**
 * The draft of a notification: every section of the authority's form with its answer from the case, in
 * Dutch (the form's language) and English, each answer marked missing where the case does not hold it yet.
 */
export function buildDraftContent(input: DraftInput): Omit<DraftContent, 'changes'> {
  const sections =
    input.kind === 'withdrawal'
      ? withdrawalSections(input)
      : input.regime === 'gdpr' || input.regime === 'telecom'
        ? apSections(input)
        : nis2Sections(input);
  return { title: titles[input.regime][input.kind], recipient: recipients[input.regime], sections };
}

function when(input: DraftInput, instant: string | null | undefined): Bilingual | null {
  if (!instant) return null;
  return { nl: formatInZone(instant, input.timeZone, 'nl'), en: formatInZone(instant, input.timeZone, 'en') };
}

function lawSection(input: DraftInput): DraftSection {
  const law: Record<DraftRegime, Bilingual> = {
    gdpr: { nl: 'Algemene verordening gegevensbescherming (AVG), artikel 33.', en: 'General Data Protection Regulation (GDPR), article 33.' },
    telecom: {
      nl: 'Telecommunicatiewet, artikel 11.3a (aanbieder van openbare elektronische communicatiediensten): melden binnen 24 uur na ontdekking; is niet alle informatie beschikbaar, dan volgt de volledige melding binnen 3 dagen na de eerste melding (Verordening (EU) 611/2013).',
      en: 'Dutch Telecommunications Act, article 11.3a (provider of public electronic communications services): notify within 24 hours of detection; if not all information is available, the complete notification follows within 3 days of the initial one (Regulation (EU) 611/2013).',
    },
    nis2_early_warning: { nl: 'NIS2-richtlijn (EU) 2022/2555, artikel 23 lid 4 onder a; Cyberbeveiligingswet.', en: 'NIS2 Directive (EU) 2022/2555, article 23(4)(a).' },
    nis2_notification: { nl: 'NIS2-richtlijn (EU) 2022/2555, artikel 23 lid 4 onder b; Cyberbeveiligingswet.', en: 'NIS2 Directive (EU) 2022/2555, article 23(4)(b).' },
    nis2_final: { nl: 'NIS2-richtlijn (EU) 2022/2555, artikel 23 lid 4 onder d; Cyberbeveiligingswet.', en: 'NIS2 Directive (EU) 2022/2555, article 23(4)(d).' },
  };
  const kindText: Record<DraftKind, Bilingual> = {
    initial: input.regime === 'telecom' ? { nl: 'Eerste melding.', en: 'Initial notification.' } : { nl: 'Nieuwe melding.', en: 'New notification.' },
    follow_up:
      input.regime === 'telecom'
        ? { nl: `Volledige melding, aanvulling op melding ${input.previous?.apReference ?? ''}`.trim() + '.', en: `Complete notification, supplementing notification ${input.previous?.apReference ?? ''}`.trim() + '.' }
        : { nl: `Vervolgmelding op melding ${input.previous?.apReference ?? ''}`.trim() + '.', en: `Follow-up to notification ${input.previous?.apReference ?? ''}`.trim() + '.' },
    withdrawal: { nl: `Intrekking van melding ${input.previous?.apReference ?? ''}`.trim() + '.', en: `Withdrawal of notification ${input.previous?.apReference ?? ''}`.trim() + '.' },
  };
  return {
    id: '0',
    title: { nl: '0. Welke wet', en: '0. Which law' },
    answers: [
      answer('law', { nl: 'Op grond van welke wet meldt u?', en: 'Under which law do you notify?' }, law[input.regime]),
      answer('kind', { nl: 'Soort melding', en: 'Kind of notification' }, kindText[input.kind]),
    ],
  };
}

function organisationSection(input: DraftInput): DraftSection {
  const org = input.organisation;
  const contactParts = [org.dpoName, org.dpoEmail, org.dpoPhone].filter((p): p is string => Boolean(p));
  const reporterParts = [input.reporter.name, input.reporter.position, input.reporter.phone];
  return {
    id: '1',
    title: { nl: '1. Organisatie en contactpersoon', en: '1. Organisation and contact' },
    answers: [
      answer('organisation', { nl: 'Naam van de organisatie', en: 'Name of the organisation' }, same(org.name)),
      answer(
        'reporter',
        { nl: 'Melder (naam, functie, telefoonnummer)', en: 'Reporter (name, position, phone)' },
        reporterParts.every(Boolean) ? same(reporterParts.join(', ')) : null,
      ),
      answer(
        'contact',
        { nl: 'Contactpersoon voor de AP (functionaris gegevensbescherming of ander aanspreekpunt)', en: 'Contact for the authority (data protection officer or other contact point)' },
        org.dpoName && (org.dpoEmail || org.dpoPhone) ? same(contactParts.join(', ')) : null,
      ),
      answer(
        'other_organisations',
        { nl: 'Andere betrokken organisaties', en: 'Other organisations involved' },
        input.otherParties.length > 0 ? same(input.otherParties.join(', ')) : { nl: 'Geen.', en: 'None.' },
      ),
    ],
  };
}

function timelineSection(input: DraftInput): DraftSection {
  const breach = group(input.facts, 'breach');
  const ongoing = typeof breach.ongoing === 'boolean' ? breach.ongoing : null;
  return {
    id: '2',
    title: { nl: '2. Tijdlijn', en: '2. Timeline' },
    answers: [
      answer('occurred_at', { nl: 'Wanneer vond het datalek plaats?', en: 'When did the breach happen?' }, when(input, (breach.occurred_at as string | undefined) ?? input.caseInfo.occurredAt)),
      answer('detected_at', { nl: 'Wanneer is het ontdekt?', en: 'When was it discovered?' }, when(input, (breach.detected_at as string | undefined) ?? input.caseInfo.detectedAt)),
      answer(
        'aware_at',
        { nl: 'Sinds wanneer weet de organisatie met redelijke zekerheid dat persoonsgegevens zijn getroffen?', en: 'Since when has the organisation been reasonably certain that personal data were affected?' },
        when(input, (breach.aware_at as string | undefined) ?? input.caseInfo.awareAt),
      ),
      answer(
        'ongoing',
        { nl: 'Duurt het datalek nog voort?', en: 'Is the breach still ongoing?' },
        ongoing === null ? null : ongoing ? { nl: 'Ja.', en: 'Yes.' } : { nl: 'Nee.', en: 'No.' },
      ),
    ],
  };
}

const causeWords: Record<string, Bilingual> = {
  hack: { nl: 'hacking (inbraak in systemen)', en: 'hacking (intrusion into systems)' },
  ransomware: { nl: 'ransomware', en: 'ransomware' },
  malware: { nl: 'malware', en: 'malware' },
  insider: { nl: 'misbruik door een medewerker of ingehuurde kracht', en: 'misuse by an employee or contractor' },
  lost_device: { nl: 'verloren apparaat of gegevensdrager', en: 'lost device or data carrier' },
  stolen_device: { nl: 'gestolen apparaat of gegevensdrager', en: 'stolen device or data carrier' },
  misdirected: { nl: 'persoonsgegevens naar de verkeerde ontvanger gestuurd', en: 'personal data sent to the wrong recipient' },
  accidental_publication: { nl: 'per ongeluk gepubliceerd', en: 'published by accident' },
  social_engineering: { nl: 'social engineering of phishing', en: 'social engineering or phishing' },
  unlawful_processing: { nl: 'onrechtmatige verwerking of doorgifte', en: 'unlawful processing or transfer' },
  other: { nl: 'andere oorzaak', en: 'other cause' },
};

function natureAnswer(breach: Record<string, unknown>): Bilingual | null {
  if (typeof breach.confidentiality !== 'string') return null;
  const nl: string[] = [];
  const en: string[] = [];
  if (breach.confidentiality !== 'none') {
    nl.push(breach.confidentiality === 'known_recipients' ? 'ingezien door bekende ontvangers' : 'gelezen of gekopieerd door onbekenden');
    en.push(breach.confidentiality === 'known_recipients' ? 'seen by known recipients' : 'read or copied by unknown parties');
    if (breach.confidentiality === 'public') {
      nl.push('openbaar gemaakt');
      en.push('made public');
    }
  }
  if (breach.integrity && breach.integrity !== 'none') {
    nl.push('veranderd');
    en.push('changed');
  }
  if (breach.availability === 'permanent') {
    nl.push('verwijderd of vernietigd');
    en.push('deleted or destroyed');
  } else if (breach.availability === 'temporary') {
    nl.push('tijdelijk niet beschikbaar');
    en.push('temporarily unavailable');
  }
  if (breach.cause === 'stolen_device' || breach.cause === 'lost_device') {
    nl.push(breach.cause === 'stolen_device' ? 'gestolen' : 'kwijtgeraakt');
    en.push(breach.cause === 'stolen_device' ? 'stolen' : 'lost');
  }
  if (nl.length === 0) return { nl: 'Geen verlies van vertrouwelijkheid, integriteit of beschikbaarheid vastgesteld.', en: 'No loss of confidentiality, integrity or availability established.' };
  return { nl: `De persoonsgegevens zijn ${nl.join(', ')}.`, en: `The personal data were ${en.join(', ')}.` };
}

function natureSection(input: DraftInput): DraftSection {
  const breach = group(input.facts, 'breach');
  const cause = typeof breach.cause === 'string' ? causeWords[breach.cause] : undefined;
  const malicious = typeof breach.malicious === 'boolean' ? breach.malicious : null;
  return {
    id: '3',
    title: { nl: '3. Aard en oorzaak van het datalek', en: '3. Nature and cause of the breach' },
    answers: [
      answer('summary', { nl: 'Beschrijving van het datalek', en: 'Description of the breach' }, input.caseInfo.summary.trim() ? same(input.caseInfo.summary.trim()) : null),
      answer('nature', { nl: 'Wat is er met de persoonsgegevens gebeurd?', en: 'What happened to the personal data?' }, natureAnswer(breach)),
      answer(
        'cause',
        { nl: 'Oorzaak', en: 'Cause' },
        cause
          ? malicious === null
            ? cause
            : { nl: `${cause.nl}; ${malicious ? 'met kwade opzet' : 'zonder kwade opzet'}.`, en: `${cause.en}; ${malicious ? 'intentional' : 'not intentional'}.` }
          : null,
      ),
    ],
  };
}

/** The groups of the AP's form, each with the vocabulary categories that fall into it. */
const apCategoryGroups: Array<{ nl: string; en: string; categories: DataCategory[] }> = [
  { nl: 'Naam, adres en woonplaats', en: 'Name, address and town', categories: ['name', 'address'] },
  { nl: 'Telefoonnummers', en: 'Phone numbers', categories: ['phone'] },
  { nl: 'E-mailadressen of andere adressen voor elektronische communicatie', en: 'E-mail or other electronic communication addresses', categories: ['email'] },
  { nl: 'Toegangs- of identificatiegegevens (inlognaam, wachtwoord, klantnummer)', en: 'Access or identification data (login, password, customer number)', categories: ['login_credentials', 'password_hash', 'customer_id', 'device_id', 'mac_address', 'ip_address'] },
  { nl: 'Financiële of economische gegevens', en: 'Financial or economic data', categories: ['iban', 'payment_card', 'financial_situation'] },
  { nl: 'Gegevens van identiteitsbewijzen', en: 'Identity document data', categories: ['id_document'] },
  { nl: 'Geslacht, geboortedatum en/of leeftijd', en: 'Sex, date of birth and/or age', categories: ['gender', 'birth_date'] },
  { nl: 'Burgerservicenummer (BSN)', en: 'Citizen service number (BSN)', categories: ['bsn'] },
  { nl: 'Bijzondere persoonsgegevens of strafrechtelijke gegevens', en: 'Special categories or criminal data', categories: ['health', 'criminal', 'special_other'] },
];

function categoriesAnswer(categories: DataCategory[]): Bilingual | null {
  if (categories.length === 0) return null;
  const lines: Bilingual[] = [];
  const placed = new Set<DataCategory>();
  for (const g of apCategoryGroups) {
    const found = g.categories.filter((c) => categories.includes(c));
    if (found.length === 0) continue;
    found.forEach((c) => placed.add(c));
    lines.push({ nl: `${g.nl} (${found.map((c) => categoryProfiles[c].nl).join(', ')})`, en: `${g.en} (${found.map((c) => categoryProfiles[c].en).join(', ')})` });
  }
  const rest = categories.filter((c) => !placed.has(c));
  if (rest.length > 0) lines.push({ nl: `Overige gegevens (${rest.map((c) => categoryProfiles[c].nl).join(', ')})`, en: `Other data (${rest.map((c) => categoryProfiles[c].en).join(', ')})` });
  return { nl: lines.map((l) => l.nl).join('; '), en: lines.map((l) => l.en).join('; ') };
}

function categoriesOf(facts: RecordedFacts): DataCategory[] {
  const list = group(facts, 'data').categories;
  return Array.isArray(list) ? (list.filter((c) => typeof c === 'string' && c in categoryProfiles) as DataCategory[]) : [];
}

function count(n: number, locale: 'nl' | 'en'): string {
  return n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
}

function subjectsAnswer(facts: RecordedFacts): Bilingual | null {
  const subjects = group(facts, 'data').subjects as { min?: number; max?: number } | undefined;
  if (typeof subjects?.min !== 'number' || typeof subjects.max !== 'number') return null;
  if (subjects.min === subjects.max) return { nl: `${count(subjects.min, 'nl')} personen.`, en: `${count(subjects.min, 'en')} people.` };
  return { nl: `Minimaal ${count(subjects.min, 'nl')} en maximaal ${count(subjects.max, 'nl')} personen.`, en: `At least ${count(subjects.min, 'en')} and at most ${count(subjects.max, 'en')} people.` };
}

function dataSection(input: DraftInput): DraftSection {
  const records = group(input.facts, 'data').records;
  return {
    id: '4',
    title: { nl: '4. Persoonsgegevens', en: '4. Personal data' },
    answers: [
      answer('categories', { nl: 'Om welke soorten persoonsgegevens gaat het?', en: 'Which kinds of personal data are involved?' }, categoriesAnswer(categoriesOf(input.facts))),
      answer(
        'records',
        { nl: 'Om hoeveel records gaat het (bij benadering)?', en: 'Approximately how many records are involved?' },
        typeof records === 'number' ? { nl: `Ongeveer ${count(records, 'nl')} records.`, en: `About ${count(records, 'en')} records.` } : null,
      ),
    ],
  };
}

function peopleSection(input: DraftInput): DraftSection {
  const vulnerable = group(input.facts, 'data').vulnerable;
  return {
    id: '5',
    title: { nl: '5. Betrokken personen', en: '5. People affected' },
    answers: [
      answer('subjects', { nl: 'Hoeveel personen zijn getroffen (minimaal–maximaal)?', en: 'How many people are affected (minimum–maximum)?' }, subjectsAnswer(input.facts)),
      answer(
        'groups',
        { nl: 'Gaat het om bijzondere groepen, zoals kinderen of kwetsbare personen?', en: 'Are particular groups affected, such as children or vulnerable people?' },
        Array.isArray(vulnerable)
          ? vulnerable.length === 0
            ? { nl: 'Er zijn geen kwetsbare groepen vastgesteld.', en: 'No vulnerable groups were identified.' }
            : { nl: `Ja: ${describeGroups(vulnerable as string[], 'nl')}.`, en: `Yes: ${describeGroups(vulnerable as string[], 'en')}.` }
          : null,
      ),
    ],
  };
}

const protectionWords: Record<string, Bilingual> = {
  none: { nl: 'Nee, de gegevens waren niet versleuteld, gehasht of anderszins onbegrijpelijk gemaakt.', en: 'No, the data were not encrypted, hashed or otherwise made unintelligible.' },
  encrypted_key_safe: { nl: 'Ja, de gegevens waren versleuteld en de sleutel is niet in handen van onbevoegden gekomen.', en: 'Yes, the data were encrypted and the key did not reach unauthorised parties.' },
  encrypted_key_compromised: { nl: 'De gegevens waren versleuteld, maar de sleutel is mogelijk ook buitgemaakt.', en: 'The data were encrypted, but the key may have been taken as well.' },
  hashed_strong: { nl: 'Ja, de gegevens waren gehasht met een sterke, gezouten methode.', en: 'Yes, the data were hashed with a strong, salted method.' },
  hashed_weak: { nl: 'De gegevens waren gehasht, maar met een zwakke methode die te kraken is.', en: 'The data were hashed, but with a weak method that can be cracked.' },
  pseudonymised: { nl: 'De gegevens waren gepseudonimiseerd.', en: 'The data were pseudonymised.' },
};

function protectionSection(input: DraftInput): DraftSection {
  const protection = group(input.facts, 'data').protection;
  return {
    id: '6',
    title: { nl: '6. Maatregelen vóór het datalek', en: '6. Measures before the breach' },
    answers: [
      answer(
        'protection',
        { nl: 'Waren de gegevens versleuteld, gehasht of anderszins onbegrijpelijk gemaakt?', en: 'Were the data encrypted, hashed or otherwise made unintelligible?' },
        typeof protection === 'string' ? (protectionWords[protection] ?? null) : null,
      ),
    ],
  };
}

/** Likely consequences for the people, from what leaked; the analyst's own text on the case comes first. */
function consequencesForPeople(input: DraftInput): Bilingual | null {
  const effects = input.caseInfo.effects.trim();
  const categories = categoriesOf(input.facts);
  const nl: string[] = [];
  const en: string[] = [];
  const has = (...cs: DataCategory[]) => cs.some((c) => categories.includes(c));
  if (has('email', 'phone', 'name', 'address')) {
    nl.push('phishing en nepberichten uit naam van de organisatie');
    en.push('phishing and fake messages in the name of the organisation');
  }
  if (has('iban', 'payment_card', 'financial_situation')) {
    nl.push('financiële schade door fraude of valse facturen');
    en.push('financial loss through fraud or fake invoices');
  }
  if (has('bsn', 'id_document')) {
    nl.push('identiteitsfraude');
    en.push('identity fraud');
  }
  if (has('login_credentials', 'password_hash')) {
    nl.push('overname van accounts');
    en.push('account takeover');
  }
  if (has('health', 'criminal', 'special_other', 'financial_situation')) {
    nl.push('stigmatisering, uitsluiting of reputatieschade');
    en.push('stigma, exclusion or damage to reputation');
  }
  if (has('location', 'communication_content', 'traffic_data')) {
    nl.push('aantasting van de persoonlijke levenssfeer');
    en.push('intrusion into private life');
  }
  const derived = nl.length > 0 ? { nl: `Mogelijke gevolgen: ${nl.join('; ')}.`, en: `Possible consequences: ${en.join('; ')}.` } : null;
  if (effects) return derived ? { nl: `${effects}\n${derived.nl}`, en: `${effects}\n${derived.en}` } : same(effects);
  return derived;
}

function consequencesSection(input: DraftInput): DraftSection {
  const breach = group(input.facts, 'breach');
  const cia: Bilingual | null =
    typeof breach.confidentiality === 'string'
      ? {
          nl: [
            `Vertrouwelijkheid: ${breach.confidentiality === 'none' ? 'niet aangetast' : 'aangetast'}.`,
            `Integriteit: ${!breach.integrity || breach.integrity === 'none' ? 'niet aangetast' : breach.integrity === 'recoverable' ? 'aangetast, te herstellen' : 'aangetast, niet te herstellen'}.`,
            `Beschikbaarheid: ${!breach.availability || breach.availability === 'none' ? 'niet aangetast' : breach.availability === 'temporary' ? 'tijdelijk aangetast' : 'blijvend aangetast'}.`,
          ].join(' '),
          en: [
            `Confidentiality: ${breach.confidentiality === 'none' ? 'not affected' : 'affected'}.`,
            `Integrity: ${!breach.integrity || breach.integrity === 'none' ? 'not affected' : breach.integrity === 'recoverable' ? 'affected, recoverable' : 'affected, not recoverable'}.`,
            `Availability: ${!breach.availability || breach.availability === 'none' ? 'not affected' : breach.availability === 'temporary' ? 'temporarily affected' : 'permanently affected'}.`,
          ].join(' '),
        }
      : null;
  return {
    id: '7',
    title: { nl: '7. Gevolgen', en: '7. Consequences' },
    answers: [
      answer('cia', { nl: 'Gevolgen voor vertrouwelijkheid, integriteit en beschikbaarheid', en: 'Consequences for confidentiality, integrity and availability' }, cia),
      answer('people', { nl: 'Mogelijke gevolgen voor de betrokkenen', en: 'Possible consequences for the people' }, consequencesForPeople(input)),
    ],
  };
}

function informedAnswer(input: DraftInput): Bilingual | null {
  const a = input.assessment;
  if (a === null) return null;
  if (a.notifySubjects) return { nl: 'Ja, de betrokkenen worden geïnformeerd: het datalek leidt waarschijnlijk tot een hoog risico voor hen.', en: 'Yes, the people are being informed: the breach is likely to result in a high risk to them.' };
  if (a.chosenOutcome === 'high' && a.exceptions.length > 0) {
    return { nl: `Nee: ${a.exceptions.map((e) => `art. ${e.article}: ${e.nl}`).join(' ')}`, en: `No: ${a.exceptions.map((e) => `art. ${e.article}: ${e.en}`).join(' ')}` };
  }
  return { nl: 'Nee, het datalek leidt naar verwachting niet tot een hoog risico voor de betrokkenen.', en: 'No, the breach is not expected to result in a high risk to the people.' };
}

function transferAnswer(facts: RecordedFacts): Bilingual | null {
  const transfer = facts.transfer as { destination_country?: string; outside_eea?: boolean; basis?: string } | undefined;
  if (!transfer?.destination_country) return null;
  return {
    nl: `Gegevens zijn terechtgekomen in ${transfer.destination_country}${transfer.outside_eea ? ' (buiten de EER)' : ''}; grondslag voor doorgifte: ${transfer.basis ?? 'onbekend'}.`,
    en: `Data went to ${transfer.destination_country}${transfer.outside_eea ? ' (outside the EEA)' : ''}; basis for the transfer: ${transfer.basis ?? 'unknown'}.`,
  };
}

function otherAuthoritiesAnswer(input: DraftInput): Bilingual | null {
  const csirt = input.otherNotifications.filter((n) => n.obligation.startsWith('nis2_'));
  if (csirt.length > 0) {
    const first = when(input, csirt[0]!.sentAt)!;
    return { nl: `Ja, het CSIRT (NIS2) is ingelicht op ${first.nl}.`, en: `Yes, the CSIRT (NIS2) was informed on ${first.en}.` };
  }
  if (input.organisation.nis2 !== 'none') return null;
  return { nl: 'Nee.', en: 'No.' };
}

function followUpSection(input: DraftInput): DraftSection {
  const measures = [input.caseInfo.remedialAction.trim(), String(group(input.facts, 'measures').text ?? '').trim()].filter(Boolean);
  return {
    id: '8',
    title: { nl: '8. Vervolgacties', en: '8. Follow-up' },
    answers: [
      answer('people_informed', { nl: 'Zijn of worden de betrokkenen geïnformeerd? Zo nee, waarom niet?', en: 'Have the people been or will they be informed? If not, why not?' }, informedAnswer(input)),
      answer('measures_taken', { nl: 'Welke maatregelen zijn genomen om het lek te dichten en de gevolgen te beperken?', en: 'Which measures were taken to close the breach and limit its consequences?' }, measures.length > 0 ? same([...new Set(measures)].join('\n')) : null),
      answer('international', { nl: 'Internationale aspecten: gaat het om personen of doorgifte buiten Nederland?', en: 'International aspects: are people or transfers outside the Netherlands involved?' }, transferAnswer(input.facts)),
      answer('other_authorities', { nl: 'Is het datalek ook gemeld bij andere toezichthouders?', en: 'Was the breach also reported to other authorities?' }, otherAuthoritiesAnswer(input)),
    ],
  };
}

function otherSection(input: DraftInput): DraftSection {
  return {
    id: '9',
    title: { nl: '9. Overige informatie', en: '9. Other information' },
    answers: [answer('other', { nl: 'Overige informatie', en: 'Other information' }, input.otherInformation ? same(input.otherInformation) : { nl: 'Geen.', en: 'None.' })],
  };
}

function apSections(input: DraftInput): DraftSection[] {
  return [
    lawSection(input),
    organisationSection(input),
    timelineSection(input),
    natureSection(input),
    dataSection(input),
    peopleSection(input),
    protectionSection(input),
    consequencesSection(input),
    followUpSection(input),
    otherSection(input),
  ];
}

function withdrawalSections(input: DraftInput): DraftSection[] {
  const reason = input.otherInformation ?? (input.caseInfo.closedReason || input.caseInfo.decisionReason || null);
  return [
    lawSection(input),
    organisationSection(input),
    {
      id: 'withdrawal',
      title: { nl: 'Intrekking', en: 'Withdrawal' },
      answers: [
        answer('reference', { nl: 'Kenmerk van de melding die wordt ingetrokken', en: 'Reference of the notification withdrawn' }, input.previous?.apReference ? same(input.previous.apReference) : null),
        answer('reason', { nl: 'Waarom wordt de melding ingetrokken?', en: 'Why is the notification withdrawn?' }, reason ? same(reason) : null),
      ],
    },
  ];
}

const entityWords: Record<string, Bilingual> = {
  essential: { nl: 'essentiële entiteit', en: 'essential entity' },
  important: { nl: 'belangrijke entiteit', en: 'important entity' },
};

function nis2Sections(input: DraftInput): DraftSection[] {
  const breach = group(input.facts, 'breach');
  const org = input.organisation;
  const entity = entityWords[org.nis2];
  const malicious: Bilingual | null =
    typeof breach.malicious === 'boolean'
      ? breach.malicious
        ? { nl: `Ja, vermoedelijk onrechtmatig of kwaadwillig handelen (${causeWords[String(breach.cause)]?.nl ?? 'oorzaak onbekend'}).`, en: `Yes, a suspected unlawful or malicious act (${causeWords[String(breach.cause)]?.en ?? 'cause unknown'}).` }
        : { nl: 'Nee, geen aanwijzingen voor kwaadwillig handelen.', en: 'No, no indication of a malicious act.' }
      : null;
  const crossBorder = transferAnswer(input.facts);
  const severity: Bilingual | null = input.assessment
    ? {
        nl: `Ernst volgens de ENISA-methode: ${input.assessment.severityScore} (${input.assessment.severityLevel}). ${subjectsAnswer(input.facts)?.nl ?? ''}`.trim(),
        en: `Severity by the ENISA method: ${input.assessment.severityScore} (${input.assessment.severityLevel}). ${subjectsAnswer(input.facts)?.en ?? ''}`.trim(),
      }
    : null;
  const entitySection: DraftSection = {
    id: '1',
    title: { nl: '1. Entiteit en contactpersoon', en: '1. Entity and contact' },
    answers: [
      answer('entity', { nl: 'Entiteit en NIS2-status', en: 'Entity and NIS2 status' }, entity ? { nl: `${org.name}, ${entity.nl}, sector ${org.sector}.`, en: `${org.name}, ${entity.en}, sector ${org.sector}.` } : null),
      ...organisationSection(input).answers.filter((a) => a.id === 'contact' || a.id === 'reporter'),
    ],
  };
  const timeline = timelineSection(input);
  const sections: DraftSection[] = [lawSection(input), entitySection, timeline];
  if (input.regime === 'nis2_early_warning') {
    sections.push({
      id: '3',
      title: { nl: '3. Vroegtijdige waarschuwing', en: '3. Early warning' },
      answers: [
        answer('malicious', { nl: 'Is het incident vermoedelijk veroorzaakt door onrechtmatig of kwaadwillig handelen?', en: 'Is the incident suspected of being caused by unlawful or malicious acts?' }, malicious),
        answer('cross_border', { nl: 'Kan het incident grensoverschrijdende gevolgen hebben?', en: 'Could the incident have a cross-border impact?' }, crossBorder),
      ],
    });
  } else if (input.regime === 'nis2_notification') {
    sections.push({
      id: '3',
      title: { nl: '3. Incidentmelding', en: '3. Incident notification' },
      answers: [
        answer('summary', { nl: 'Beschrijving van het incident', en: 'Description of the incident' }, input.caseInfo.summary.trim() ? same(input.caseInfo.summary.trim()) : null),
        answer('assessment', { nl: 'Eerste beoordeling: ernst en gevolgen', en: 'Initial assessment: severity and impact' }, severity),
        answer('indicators', { nl: 'Indicatoren van compromittering (indien beschikbaar)', en: 'Indicators of compromise (where available)' }, input.otherInformation ? same(input.otherInformation) : null),
        answer('malicious', { nl: 'Bijwerking vroegtijdige waarschuwing: kwaadwillig handelen?', en: 'Update of the early warning: malicious act?' }, malicious),
        answer('cross_border', { nl: 'Grensoverschrijdende gevolgen', en: 'Cross-border impact' }, crossBorder),
      ],
    });
  } else {
    const measures = [input.caseInfo.remedialAction.trim(), String(group(input.facts, 'measures').text ?? '').trim()].filter(Boolean);
    const breachCause = typeof breach.cause === 'string' ? causeWords[breach.cause] : undefined;
    sections.push({
      id: '3',
      title: { nl: '3. Eindverslag', en: '3. Final report' },
      answers: [
        answer('description', { nl: 'Gedetailleerde beschrijving, met ernst en gevolgen', en: 'Detailed description, including severity and impact' }, input.caseInfo.summary.trim() && severity ? { nl: `${input.caseInfo.summary.trim()}\n${severity.nl}`, en: `${input.caseInfo.summary.trim()}\n${severity.en}` } : null),
        answer('root_cause', { nl: 'Soort dreiging of grondoorzaak', en: 'Type of threat or root cause' }, breachCause ?? null),
        answer('mitigation', { nl: 'Genomen en lopende mitigerende maatregelen', en: 'Applied and ongoing mitigation measures' }, measures.length > 0 ? same([...new Set(measures)].join('\n')) : null),
        answer('cross_border', { nl: 'Grensoverschrijdende gevolgen', en: 'Cross-border impact' }, crossBorder),
      ],
    });
  }
  return sections;
}
