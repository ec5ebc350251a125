import type { CaseFacts, Identifiability } from './case-facts.schemas.ts';
import {
  categoriesOfType,
  deriveIdentifiability,
  describeGroups,
  describeCategories,
  hasTrait,
  identifiabilityOrder,
  sensitiveRevealingTraits,
  statusRevealingTraits,
} from './data-categories.ts';
import type { EnisaDataType, Severity, SeverityAdjustment, SeverityLevel } from './risk.types.ts';

/**
 * ENISA (2013), Recommendations for a methodology of the assessment of severity of personal data
 * breaches: SE = DPC × EI + CB. Every step that moves a score away from its base is recorded.
 */

export const dpcBaseScores: Record<EnisaDataType, number> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };
export const eiScores: Record<Identifiability, number> = { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 };
export const confidentialityScores = { none: 0, known_recipients: 0.25, unknown_recipients: 0.5, public: 0.5 } as const;
export const integrityScores = { none: 0, recoverable: 0.25, not_recoverable: 0.5 } as const;
export const availabilityScores = { none: 0, temporary: 0.25, permanent: 0.5 } as const;
export const maliciousScore = 0.5;

/** A person is profiled by content volume when this many kinds of simple data about them leak together. */
export const PROFILE_CATEGORY_THRESHOLD = 6;

const dataTypeOrder: readonly EnisaDataType[] = ['simple', 'behavioural', 'financial', 'sensitive'];
const dataTypeWords: Record<EnisaDataType, { en: string; nl: string }> = {
  simple: { en: 'simple data', nl: 'eenvoudige gegevens' },
  behavioural: { en: 'behavioural data', nl: 'gedragsgegevens' },
  financial: { en: 'financial data', nl: 'financiële gegevens' },
  sensitive: { en: 'sensitive data', nl: 'gevoelige gegevens' },
};

export function severityLevelFor(score: number): SeverityLevel {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very_high';
}

export function assessSeverity(facts: CaseFacts): Severity {
  const adjustments: SeverityAdjustment[] = [];
  const dpc = scoreDataProcessingContext(facts, adjustments);
  const ei = scoreEaseOfIdentification(facts, adjustments);
  const cb = scoreCircumstances(facts, adjustments);
  const score = dpc.score * eiScores[ei] + cb;
  return {
    score,
    level: severityLevelFor(score),
    dpc: dpc.score,
    dpc_data_type: dpc.type,
    ei: eiScores[ei],
    ei_level: ei,
    cb,
    adjustments,
  };
}

/** The profile flag as given, or derived from the number of kinds of simple data. */
export function profilePossible(facts: CaseFacts): boolean {
  if (facts.data.profile_possible !== undefined) return facts.data.profile_possible;
  return categoriesOfType(facts, 'simple').length >= PROFILE_CATEGORY_THRESHOLD;
}

function scoreDataProcessingContext(facts: CaseFacts, adjustments: SeverityAdjustment[]): { score: number; type: EnisaDataType } {
  let best: { score: number; type: EnisaDataType } | null = null;
  for (const type of dataTypeOrder) {
    if (categoriesOfType(facts, type).length === 0) continue;
    const score = scoreDataType(facts, type, adjustments);
    if (best === null || score >= best.score) best = { score, type };
  }
  // The schema requires at least one category, so some type is always present.
  return best ?? { score: 1, type: 'simple' };
}

function scoreDataType(facts: CaseFacts, type: EnisaDataType, adjustments: SeverityAdjustment[]): number {
  const categories = categoriesOfType(facts, type);
  let score = dpcBaseScores[type];
  const step = (rule: string, to: number, en: string, nl: string) => {
    if (to === score) return;
    adjustments.push({ criterion: 'dpc', data_type: type, rule, from: score, to, en, nl });
    score = to;
  };
  const words = dataTypeWords[type];
  const { insight, publicly_available: isPublic, invalid_or_inaccurate: invalid } = facts.data;

  // Decreasing factors of ENISA's Assessment Table 1: the nature of the data set and prior public availability.
  if (type === 'sensitive') {
    if (insight === 'none' || isPublic) {
      step('nature_no_insight', 1, `The ${words.en} give no substantial insight or were already public: DPC set to 1.`, `De ${words.nl} geven geen wezenlijk inzicht of waren al openbaar: DPC wordt 1.`);
    } else if (insight === 'general') {
      step('nature_general_assumptions', 2, `The ${words.en} allow only general assumptions: DPC set to 2.`, `De ${words.nl} laten alleen algemene aannames toe: DPC wordt 2.`);
    } else if (insight === 'assumptions') {
      step('nature_assumptions', 3, `The ${words.en} allow assumptions about sensitive matters, no certainty: DPC set to 3.`, `De ${words.nl} laten aannames over gevoelige zaken toe, geen zekerheid: DPC wordt 3.`);
    }
  }
  if (type === 'financial') {
    const onlyAccountNumbers = categories.every((category) => category === 'iban');
    if (insight === 'none') {
      step('nature_no_insight', 1, 'The financial data give no substantial insight into the person’s finances: DPC set to 1.', 'De financiële gegevens geven geen wezenlijk inzicht in iemands financiën: DPC wordt 1.');
    } else if (insight === 'general' || insight === 'assumptions' || onlyAccountNumbers) {
      step('nature_some_financial', 2, 'Some financial data, but no significant insight into the financial situation (such as bank account numbers alone): DPC set to 2.', 'Enige financiële gegevens, maar geen wezenlijk inzicht in de financiële situatie (zoals alleen rekeningnummers): DPC wordt 2.');
    }
    if (categories.includes('payment_card')) {
      step('full_financial_fraud', 4, 'Full payment card details make fraud possible: DPC set to 4.', 'Volledige betaalkaartgegevens maken fraude mogelijk: DPC wordt 4.');
    } else if (categories.includes('financial_situation') && profilePossible(facts)) {
      step('financial_profile', 4, 'The volume of data allows a detailed financial and social profile: DPC set to 4.', 'De hoeveelheid gegevens maakt een gedetailleerd financieel en sociaal profiel mogelijk: DPC wordt 4.');
    }
  }
  if (type === 'behavioural') {
    if (insight === 'none' || isPublic) {
      step('nature_no_insight', 1, 'The behavioural data give no substantial insight or are publicly available: DPC set to 1.', 'De gedragsgegevens geven geen wezenlijk inzicht of zijn openbaar te vinden: DPC wordt 1.');
    } else if (profilePossible(facts)) {
      step('behavioural_profile', 3, 'The volume of behavioural data allows a profile of daily life and habits: DPC set to 3.', 'De hoeveelheid gedragsgegevens maakt een profiel van dagelijks leven en gewoonten mogelijk: DPC wordt 3.');
    }
  }
  if (type === 'simple') {
    const revealing = hasTrait(facts, sensitiveRevealingTraits) ?? (facts.sector === 'health' ? 'health sector' : undefined);
    const status = hasTrait(facts, statusRevealingTraits);
    if (revealing) {
      step('controller_reveals_sensitive', 3, `Being a customer of this controller (${revealing}) suggests health, beliefs or sexual life: DPC set to 3.`, `Klant zijn bij deze verwerkingsverantwoordelijke (${revealing}) zegt iets over gezondheid, overtuiging of seksueel leven: DPC wordt 3.`);
    } else if (profilePossible(facts)) {
      step('simple_profile', 2, `The volume of simple data (${describeCategories(categories, 'en')}) allows profiling: DPC set to 2.`, `De hoeveelheid eenvoudige gegevens (${describeCategories(categories, 'nl')}) maakt profilering mogelijk: DPC wordt 2.`);
    } else if (status) {
      step('controller_reveals_status', 2, `Being a customer of this controller (${status}) suggests social or financial status: DPC set to 2.`, `Klant zijn bij deze verwerkingsverantwoordelijke (${status}) zegt iets over sociale of financiële status: DPC wordt 2.`);
    }
  }

  // Contextual factors of ENISA's Annex A2 that apply to every data type.
  const vulnerable = vulnerableGroupsOf(facts);
  if (vulnerable.length > 0) {
    step('vulnerable_individuals', Math.min(4, score + 1), `The people include vulnerable groups (${describeGroups(vulnerable, 'en')}): DPC raised by 1.`, `Onder de betrokkenen zijn kwetsbare groepen (${describeGroups(vulnerable, 'nl')}): DPC 1 hoger.`);
  }
  if (invalid) {
    step('invalid_data', Math.max(1, score - 1), 'The controller knows the data to be outdated or inaccurate: DPC lowered by 1.', 'De verwerkingsverantwoordelijke weet dat de gegevens verouderd of onjuist zijn: DPC 1 lager.');
  }
  if (isPublic && (type === 'simple' || type === 'financial')) {
    step('publicly_available', Math.max(1, score - 1), 'The same data were already public before the breach: DPC lowered by 1.', 'Dezelfde gegevens waren vóór het datalek al openbaar: DPC 1 lager.');
  }
  return score;
}

export function vulnerableGroupsOf(facts: CaseFacts): string[] {
  const groups = new Set<string>(facts.data.vulnerable);
  if (facts.data.categories.includes('children_data')) groups.add('minors');
  return [...groups].sort();
}

function scoreEaseOfIdentification(facts: CaseFacts, adjustments: SeverityAdjustment[]): Identifiability {
  let level: Identifiability;
  if (facts.data.identifiable) {
    level = facts.data.identifiable;
  } else {
    const derived = deriveIdentifiability(facts);
    level = derived.level;
    adjustments.push({
      criterion: 'ei',
      rule: 'derived_from_categories',
      from: eiScores[level],
      to: eiScores[level],
      en: `Ease of identification derived from ${describeCategories(derived.basis, 'en')}: ${level}.`,
      nl: `Identificeerbaarheid afgeleid uit ${describeCategories(derived.basis, 'nl')}: ${identifiabilityWordsNl[level]}.`,
    });
  }
  const lower = (to: Identifiability, rule: string, en: string, nl: string) => {
    if (identifiabilityOrder.indexOf(to) >= identifiabilityOrder.indexOf(level)) return;
    adjustments.push({ criterion: 'ei', rule, from: eiScores[level], to: eiScores[to], en, nl });
    level = to;
  };
  const oneStepDown = (): Identifiability => identifiabilityOrder[Math.max(0, identifiabilityOrder.indexOf(level) - 1)] ?? 'negligible';
  switch (facts.data.protection) {
    case 'encrypted_key_safe':
      lower('negligible', 'encrypted_key_safe', 'The data were encrypted and the key was not compromised: identification is negligible.', 'De gegevens waren versleuteld en de sleutel is niet gelekt: identificatie is verwaarloosbaar.');
      break;
    case 'hashed_strong':
      lower(oneStepDown(), 'hashed_strong', 'Secrets were hashed with a strong, salted algorithm: ease of identification lowered one step.', 'Geheimen waren gehasht met een sterk algoritme met salt: identificeerbaarheid één stap lager.');
      break;
    case 'pseudonymised':
      lower(oneStepDown(), 'pseudonymised', 'The data were pseudonymised: ease of identification lowered one step.', 'De gegevens waren gepseudonimiseerd: identificeerbaarheid één stap lager.');
      break;
    case 'encrypted_key_compromised':
    case 'hashed_weak':
      adjustments.push({
        criterion: 'ei',
        rule: 'protection_ineffective',
        from: eiScores[level],
        to: eiScores[level],
        en: 'The protection did not hold (key compromised or weak hashing): no reduction.',
        nl: 'De beveiliging hield geen stand (sleutel gelekt of zwakke hashing): geen verlaging.',
      });
      break;
    case 'none':
      break;
  }
  return level;
}

const identifiabilityWordsNl: Record<Identifiability, string> = {
  negligible: 'verwaarloosbaar',
  limited: 'beperkt',
  significant: 'aanzienlijk',
  maximum: 'maximaal',
};

function scoreCircumstances(facts: CaseFacts, adjustments: SeverityAdjustment[]): number {
  const { confidentiality, integrity, availability, malicious } = facts.breach;
  const parts: Array<{ rule: string; value: number; en: string; nl: string }> = [
    {
      rule: `confidentiality_${confidentiality}`,
      value: confidentialityScores[confidentiality],
      en: confidentialityWords[confidentiality].en,
      nl: confidentialityWords[confidentiality].nl,
    },
    { rule: `integrity_${integrity}`, value: integrityScores[integrity], en: integrityWords[integrity].en, nl: integrityWords[integrity].nl },
    {
      rule: `availability_${availability}`,
      value: availabilityScores[availability],
      en: availabilityWords[availability].en,
      nl: availabilityWords[availability].nl,
    },
    malicious
      ? { rule: 'malicious', value: maliciousScore, en: 'Malicious intent', nl: 'Kwade opzet' }
      : { rule: 'not_malicious', value: 0, en: '', nl: '' },
  ];
  let total = 0;
  for (const part of parts) {
    if (part.value === 0) continue;
    adjustments.push({ criterion: 'cb', rule: part.rule, from: total, to: total + part.value, en: `${part.en}: +${part.value}.`, nl: `${part.nl}: +${part.value}.` });
    total += part.value;
  }
  return total;
}

const confidentialityWords = {
  none: { en: 'No loss of confidentiality', nl: 'Geen verlies van vertrouwelijkheid' },
  known_recipients: { en: 'Loss of confidentiality to known recipients', nl: 'Verlies van vertrouwelijkheid aan bekende ontvangers' },
  unknown_recipients: { en: 'Loss of confidentiality to an unknown number of recipients', nl: 'Verlies van vertrouwelijkheid aan een onbekend aantal ontvangers' },
  public: { en: 'Data made public', nl: 'Gegevens openbaar gemaakt' },
} as const;
const integrityWords = {
  none: { en: 'No loss of integrity', nl: 'Geen verlies van integriteit' },
  recoverable: { en: 'Data altered, recoverable', nl: 'Gegevens gewijzigd, herstelbaar' },
  not_recoverable: { en: 'Data altered, not recoverable', nl: 'Gegevens gewijzigd, niet herstelbaar' },
} as const;
const availabilityWords = {
  none: { en: 'No loss of availability', nl: 'Geen verlies van beschikbaarheid' },
  temporary: { en: 'Data temporarily unavailable', nl: 'Gegevens tijdelijk onbeschikbaar' },
  permanent: { en: 'Data permanently lost', nl: 'Gegevens blijvend verloren' },
} as const;
