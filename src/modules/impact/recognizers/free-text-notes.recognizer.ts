import { maskWords } from './mask.ts';
import { invalid, VALID, type Recognizer, type Validation } from './recognizer.ts';

/** Signs that a person needs extra care when informed, or is a likely target of fraud. */
export type VulnerabilityGroup =
  | 'financial_administration'
  | 'legal_protection'
  | 'debt'
  | 'payment_arrangement'
  | 'minors'
  | 'elderly'
  | 'personal_safety'
  | 'deceased';

/** Special categories (GDPR art. 9) and criminal-offence data (art. 10). */
export type SpecialCategoryGroup =
  | 'health'
  | 'criminal'
  | 'religion'
  | 'ethnicity'
  | 'political_opinion'
  | 'trade_union'
  | 'sexual_orientation'
  | 'genetic_biometric';

/**
 * Terms in Dutch and English, matched case-insensitively on word boundaries. A trailing `*` also
 * matches longer words, for Dutch compounds and inflections ("betalingsregelingen").
 */
export const VULNERABILITY_TERMS: Readonly<Record<VulnerabilityGroup, readonly string[]>> = {
  financial_administration: [
    'bewindvoerder*', 'beschermingsbewind', 'onder bewind', 'bewindvoering', 'budgetbeheer',
    'inkomensbeheer', 'financial administrator', 'court-appointed administrator', 'appointee',
  ],
  legal_protection: ['curatele', 'ondercuratelestelling', 'mentorschap', 'guardianship', 'conservatorship', 'power of attorney'],
  debt: [
    'schuldsanering*', 'wsnp', 'schuldhulp*', 'schuldeiser*', 'schuldenaar', 'schulden', 'deurwaarder*',
    'incassobureau*', 'beslaglegging', 'loonbeslag', 'betalingsachterstand*', 'faillissement',
    'debt*', 'bailiff*', 'debt collector*', 'arrears', 'insolvency', 'bankrupt*', 'wage garnishment',
  ],
  payment_arrangement: [
    'betalingsregeling*', 'betaalregeling*', 'afbetalingsregeling*', 'uitstel van betaling',
    'payment arrangement*', 'payment plan*', 'instalment plan*', 'installment plan*',
  ],
  minors: [
    'minderjarig*', 'voogd*', 'jeugdzorg', 'ouderlijk gezag', 'kind van', 'namens ouder*',
    'underage', 'minor child*', 'parental consent', 'legal guardian*',
  ],
  elderly: [
    'bejaard*', 'hoogbejaard*', 'verzorgingshuis*', 'verpleeghuis*', 'tachtigplusser*', '80-plusser*',
    'aow', 'elderly', 'care home*', 'nursing home*', 'senior citizen*', 'pensioner*',
  ],
  personal_safety: [
    'huiselijk geweld', 'geheim adres', 'blijf-van-mijn-lijfhuis', 'vrouwenopvang', 'stalking', 'stalker*',
    'contactverbod', 'straatverbod', 'domestic violence', 'restraining order*', "women's shelter", 'safe house',
  ],
  deceased: ['overleden', 'overlijden', 'nabestaande*', 'deceased', 'passed away', 'bereave*', 'next of kin'],
};

export const SPECIAL_CATEGORY_TERMS: Readonly<Record<SpecialCategoryGroup, readonly string[]>> = {
  health: [
    'ziek', 'ziekte*', 'ziekenhuis*', 'diagnose', 'medicijn*', 'medicatie', 'medisch*', 'dementie',
    'alzheimer', 'kanker', 'diabetes', 'depressie*', 'depressief', 'psychisch*', 'psychiatr*', 'ggz',
    'burn-out', 'arbeidsongeschikt*', 'wia', 'wao', 'zwanger*', 'handicap*', 'gehandicapt*', 'rolstoel*',
    'dialyse', 'zuurstofapparaat', 'beademing', 'verslaving', 'verslaafd', 'slechtziend', 'doof', 'blind',
    'autisme', 'hiv', 'illness', 'hospital*', 'diagnos*', 'medication', 'medical*', 'dementia', 'cancer',
    'pregnan*', 'disabilit*', 'disabled', 'wheelchair', 'mental health', 'depression', 'addiction',
    'addicted', 'oxygen', 'dialysis', 'deaf', 'autism',
  ],
  criminal: [
    'strafblad', 'veroordeeld', 'veroordeling', 'gedetineerd*', 'gevangenis', 'detentie', 'enkelband',
    'reclassering', 'tbs', 'verdachte', 'strafzaak', 'criminal record', 'convicted', 'conviction*',
    'prison', 'jail', 'parole', 'probation', 'arrested', 'offender*',
  ],
  religion: [
    'religie', 'religieus', 'geloof', 'kerk', 'moskee', 'synagoge', 'islam*', 'moslim*', 'joods', 'jood',
    'christelijk*', 'katholiek*', 'protestant*', 'hindoe*', 'boeddhist*', 'halal', 'koosjer',
    'religion', 'religious', 'church', 'mosque', 'synagogue', 'muslim*', 'jewish', 'christian*',
    'catholic*', 'hindu*', 'buddhist*', 'kosher',
  ],
  ethnicity: [
    'etniciteit', 'etnisch*', 'afkomst', 'herkomst', 'migratieachtergrond', 'huidskleur',
    'ethnicity', 'ethnic*', 'racial', 'skin colour', 'skin color',
  ],
  political_opinion: ['politieke voorkeur', 'partijlid*', 'politieke partij', 'political opinion*', 'party member*', 'political affiliation'],
  trade_union: ['vakbond*', 'vakbondslid*', 'fnv', 'cnv', 'trade union*', 'union member*'],
  sexual_orientation: [
    'homoseksu*', 'lesbisch*', 'lesbienne', 'biseksu*', 'transgender*', 'seksuele geaardheid',
    'homosexual*', 'lesbian*', 'bisexual*', 'sexual orientation', 'gay',
  ],
  genetic_biometric: ['vingerafdruk*', 'dna', 'biometri*', 'fingerprint*', 'genetic*', 'genetisch*', 'gezichtsherkenning', 'facial recognition'],
};

export interface NoteFindings {
  vulnerability: Partial<Record<VulnerabilityGroup, string[]>>;
  specialCategories: Partial<Record<SpecialCategoryGroup, string[]>>;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(term: string): string {
  const stem = term.endsWith('*');
  const words = (stem ? term.slice(0, -1) : term).split(' ').map(escapeRegex).join('\\s+');
  return stem ? `${words}[\\p{L}\\p{N}-]*` : words;
}

/** One case-insensitive, Unicode-aware pattern per group; letters and digits around a term end the match. */
function compileGroups<G extends string>(groups: Readonly<Record<G, readonly string[]>>): [G, RegExp][] {
  return (Object.keys(groups) as G[]).map((group) => [
    group,
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups[group].map(termPattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
  ]);
}

const VULNERABILITY_PATTERNS = compileGroups(VULNERABILITY_TERMS);
const SPECIAL_CATEGORY_PATTERNS = compileGroups(SPECIAL_CATEGORY_TERMS);

/**
 * The same terms as an RE2-compatible pattern (DuckDB SQL): RE2 has no look-behind, so the word
 * boundaries are consumed as `(^|[^\p{L}\p{N}])` around the term instead.
 */
export function sqlPatternFor(terms: readonly string[]): string {
  return `(?i)(^|[^\\p{L}\\p{N}])(${terms.map(termPattern).join('|')})([^\\p{L}\\p{N}]|$)`;
}

function sqlPatternsFor<G extends string>(groups: Readonly<Record<G, readonly string[]>>): Readonly<Record<G, string>> {
  return Object.fromEntries(
    (Object.keys(groups) as G[]).map((group) => [group, sqlPatternFor(groups[group])]),
  ) as Record<G, string>;
}

export const VULNERABILITY_SQL_PATTERNS = sqlPatternsFor(VULNERABILITY_TERMS);
export const SPECIAL_CATEGORY_SQL_PATTERNS = sqlPatternsFor(SPECIAL_CATEGORY_TERMS);

function scanWith<G extends string>(text: string, patterns: [G, RegExp][]): Partial<Record<G, string[]>> {
  const found: Partial<Record<G, string[]>> = {};
  for (const [group, pattern] of patterns) {
    const terms = new Set<string>();
    for (const match of text.matchAll(pattern)) terms.add(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (terms.size > 0) found[group] = [...terms].sort();
  }
  return found;
}

/** The terms of each group found in a note, in lower case; groups without a hit are absent. */
export function scanNotes(text: string): NoteFindings {
  return {
    vulnerability: scanWith(text, VULNERABILITY_PATTERNS),
    specialCategories: scanWith(text, SPECIAL_CATEGORY_PATTERNS),
  };
}

export function hasFindings(findings: NoteFindings): boolean {
  return Object.keys(findings.vulnerability).length > 0 || Object.keys(findings.specialCategories).length > 0;
}

const MIN_WORDS = 3;

export function normaliseNote(value: string): string | null {
  const note = value.trim().replace(/\s+/g, ' ');
  return note.split(' ').filter((w) => /\p{L}/u.test(w)).length >= MIN_WORDS ? note : null;
}

/** A note is free text of a few words; what it reveals is for `scanNotes`. */
export function validateNote(value: string): Validation {
  return normaliseNote(value) === null ? invalid('not_free_text') : VALID;
}

export const freeTextNotesRecognizer: Recognizer = {
  category: 'free_text_notes',
  headerSynonyms: [
    'notitie',
    'notities',
    'opmerking',
    'opmerkingen',
    'toelichting',
    'memo',
    'aantekening',
    'aantekeningen',
    'klantnotitie',
    'interneopmerking',
    'omschrijving',
    'beschrijving',
    'note',
    'notes',
    'comment',
    'comments',
    'remark',
    'remarks',
    'description',
    'freetext',
    'internalnotes',
  ],
  regexSource: null,
  // Product descriptions and log lines are free text too.
  needsHeader: true,
  chancePassRate: null,
  normalise: normaliseNote,
  validate: validateNote,
  mask: (note) => {
    const masked = maskWords(note);
    return masked.length > 40 ? `${masked.slice(0, 40)}…` : masked;
  },
};
