/**
 * The check of a message to the people affected against GDPR art. 34(2): in clear and plain language, at
 * least the nature of the breach, a contact point, the likely consequences and the measures taken (art.
 * 33(3)(b)–(d)), and, as the Dutch consumer association found missing in a quarter of real warnings,
 * concrete advice and what of the person's own data leaked. Pure: text in, verdicts with reasons out.
 */

export type MessageLocale = 'nl' | 'en';

export const checkItems = ['description', 'contact', 'consequences', 'measures', 'advice', 'exposed_data', 'plain_language', 'placeholders'] as const;
export type CheckItem = (typeof checkItems)[number];

export interface MessageTemplate {
  subject: string;
  body: string;
  locale: MessageLocale;
}

export interface ItemVerdict {
  item: CheckItem;
  passed: boolean;
  reason: { nl: string; en: string };
  /** The words or placeholder that satisfied the item, when it passed. */
  evidence: string | null;
}

export interface ReadabilityFigures {
  sentences: number;
  words: number;
  averageSentenceLength: number;
  longWordShare: number;
  jargon: string[];
}

export interface MessageCheck {
  passed: boolean;
  items: ItemVerdict[];
  readability: ReadabilityFigures;
}

/** Placeholders a template may use; the sending side fills them per person. */
export const knownPlaceholders = ['name', 'exposed_data', 'contact', 'reference', 'organisation', 'date', 'url'] as const;
/** Placeholders that stand for the person's own exposed data. */
const exposedDataPlaceholders = new Set(['exposed_data']);
const contactPlaceholders = new Set(['contact', 'url']);

type Cues = Record<MessageLocale, RegExp[]>;

// Word stems rather than whole words so that inflections count ("gestolen", "stolen", "hackers").
const cues: Record<'description' | 'contact' | 'consequences' | 'measures' | 'advice', Cues> = {
  description: {
    nl: [/\bdatalek/, /\blek\b/, /\bgelekt/, /\bhack/, /\binbr(aak|oken|eker)/, /\bonbevoegd/, /\bgestolen\b/, /\bdiefstal/, /\bkwijtgeraakt|\bverloren\b/, /\bper ongeluk\b/, /\bcyberaanval|\baanval(lers?)?\b/, /\btoegang (gekregen|tot)/, /\bingezien\b/, /\bbuitgemaakt/],
    en: [/\bbreach/, /\bleak/, /\bhack/, /\bunauthori[sz]ed\b/, /\bstolen\b/, /\btheft\b/, /\blost\b/, /\bby mistake\b/, /\battack/, /\bgained access\b|\baccessed\b/, /\bexposed\b/, /\bcompromised\b/],
  },
  contact: {
    nl: [/\bneem (dan )?contact op\b/, /\bcontact met ons\b/, /\bbel (ons|met)\b/, /\bmail (ons|naar)\b/, /\bfunctionaris gegevensbescherming\b/, /\bvragen\b.*\b(bel|mail|kijk|ga naar)\b/, /[\w.+-]+@[\w-]+\.[\w.]+/, /\b0800[- ]?\d{4}\b|\+31[\d ]{9,}/, /https?:\/\/\S+/],
    en: [/\bcontact (us|our)\b/, /\bcall (us|our)\b/, /\bemail us\b|\be-mail us\b/, /\bdata protection officer\b/, /\bquestions\b.*\b(call|email|e-mail|visit|write)\b/, /[\w.+-]+@[\w-]+\.[\w.]+/, /\+\d[\d ]{8,}/, /https?:\/\/\S+/],
  },
  consequences: {
    nl: [/\bgevolg/, /\brisico/, /\bmisbruik/, /\boplicht/, /\bfraude\b|\bidentiteitsfraude\b/, /\bnepberichten|\bnep-?(mail|sms|factuur|facturen)/, /\bkwaadwillend/, /\bkunnen (criminelen|oplichters|anderen)\b/],
    en: [/\bconsequence/, /\brisk/, /\bmisus/, /\bfraud/, /\bscam/, /\bidentity theft\b/, /\bcriminals (could|may|might)\b/, /\bfake (e-?mails?|messages?|invoices?)/],
  },
  measures: {
    nl: [/\bmaatregel/, /\bhebben (we|wij) .{0,60}\b(gedicht|afgesloten|geblokkeerd|beveiligd|aangepast|verwijderd|aangifte|gemeld|ingeschakeld|stopgezet|uitgezet)/, /\baangifte gedaan\b/, /\bautoriteit persoonsgegevens\b/, /\bbeveiliging (verbeterd|aangescherpt)/],
    en: [/\bmeasures?\b/, /\bwe have (closed|blocked|secured|removed|reported|notified|changed|fixed|disabled|stopped)/, /\breported (it )?to the police\b/, /\bdata protection authority\b|\bsupervisory authority\b/, /\bstrengthened our security\b/],
  },
  advice: {
    nl: [/\bphishing/, /\bpincode\b|\bpin\b/, /\bwachtwoord/, /\bdeel (nooit|nooit uw|niet)\b|\bnooit\b/, /\bwees (alert|extra alert|voorzichtig)\b/, /\bcontroleer\b/, /\bfactu(ur|ren)\b/, /\bverdacht/, /\bklik niet\b/],
    en: [/\bphishing/, /\bpin\b/, /\bpassword/, /\bnever (share|give|click)\b/, /\bbe (alert|careful|vigilant)\b/, /\bcheck (your|any)\b/, /\binvoices?\b/, /\bsuspicious\b/, /\bdo not click\b|\bdon't click\b/],
  },
};

/** Words that make a letter read like a statute; a message to people should not need them. */
const jargon: Record<MessageLocale, RegExp> = {
  nl: /\b(ingevolge|overeenkomstig|dientengevolge|onverminderd|desalniettemin|voornoemd\w*|betrokkene\w*|verwerkingsverantwoordelijke\w*|inzake|teneinde|alsmede)\b/g,
  en: /\b(pursuant|hereinafter|notwithstanding|aforementioned|heretofore|data subjects?|controller|processor|whereby|thereof)\b/g,
};

/**
 * Thresholds for plain language (B1 level): an average sentence of at most 20 words, and few long words.
 * Dutch glues compounds together, so its long-word limit is set by letters at 13 rather than 11.
 */
export const plainLanguageLimits: Record<MessageLocale, { maxAverageSentence: number; longWordLetters: number; maxLongWordShare: number }> = {
  nl: { maxAverageSentence: 20, longWordLetters: 13, maxLongWordShare: 0.1 },
  en: { maxAverageSentence: 20, longWordLetters: 11, maxLongWordShare: 0.1 },
};

const placeholderPattern = /\{\{\s*([a-zA-Z_][\w]*)\s*\}\}/g;

export function checkArt34Message(template: MessageTemplate): MessageCheck {
  const full = `${template.subject}\n${template.body}`;
  const placeholders = [...full.matchAll(placeholderPattern)].map((m) => m[1]!.toLowerCase());
  const text = full.replace(placeholderPattern, ' ').toLowerCase();
  const locale = template.locale;
  const readability = measureReadability(template.body.replace(placeholderPattern, 'x'), locale);

  const items: ItemVerdict[] = [
    cueVerdict('description', text, locale),
    contactVerdict(text, placeholders, locale),
    cueVerdict('consequences', text, locale),
    cueVerdict('measures', text, locale),
    cueVerdict('advice', text, locale),
    exposedDataVerdict(placeholders),
    plainLanguageVerdict(readability, locale),
    placeholderVerdict(placeholders),
  ];
  return { passed: items.every((i) => i.passed), items, readability };
}

const itemWords: Record<Exclude<CheckItem, 'plain_language' | 'placeholders' | 'exposed_data' | 'contact'>, { nl: string; en: string }> = {
  description: { nl: 'wat er is gebeurd (de aard van het datalek)', en: 'what happened (the nature of the breach)' },
  consequences: { nl: 'de waarschijnlijke gevolgen voor de persoon', en: 'the likely consequences for the person' },
  measures: { nl: 'de maatregelen die de organisatie heeft genomen', en: 'the measures the organisation has taken' },
  advice: { nl: 'concreet advies (bijv. pas op voor phishing, deel nooit uw pincode, controleer facturen)', en: 'concrete advice (e.g. beware of phishing, never share your PIN, check invoices)' },
};

function firstCue(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return null;
}

function cueVerdict(item: keyof typeof itemWords, text: string, locale: MessageLocale): ItemVerdict {
  const evidence = firstCue(text, cues[item][locale]);
  const words = itemWords[item];
  return evidence
    ? { item, passed: true, evidence, reason: { nl: `Het bericht beschrijft ${words.nl} ("${evidence}").`, en: `The message describes ${words.en} ("${evidence}").` } }
    : { item, passed: false, evidence: null, reason: { nl: `Het bericht noemt niet ${words.nl}.`, en: `The message does not give ${words.en}.` } };
}

function contactVerdict(text: string, placeholders: readonly string[], locale: MessageLocale): ItemVerdict {
  const placeholder = placeholders.find((p) => contactPlaceholders.has(p));
  const evidence = placeholder ? `{{${placeholder}}}` : firstCue(text, cues.contact[locale]);
  return evidence
    ? { item: 'contact', passed: true, evidence, reason: { nl: `Het bericht noemt een contactpunt (${evidence}).`, en: `The message gives a contact point (${evidence}).` } }
    : {
        item: 'contact',
        passed: false,
        evidence: null,
        reason: {
          nl: 'Het bericht noemt geen contactpunt (de functionaris gegevensbescherming of een ander aanspreekpunt): gebruik {{contact}}.',
          en: 'The message gives no contact point (the data protection officer or another contact): use {{contact}}.',
        },
      };
}

function exposedDataVerdict(placeholders: readonly string[]): ItemVerdict {
  const placeholder = placeholders.find((p) => exposedDataPlaceholders.has(p));
  return placeholder
    ? { item: 'exposed_data', passed: true, evidence: `{{${placeholder}}}`, reason: { nl: 'Het bericht vertelt ieder persoon welke gegevens van hem of haar zijn gelekt.', en: 'The message tells each person which of their own data leaked.' } }
    : {
        item: 'exposed_data',
        passed: false,
        evidence: null,
        reason: {
          nl: 'Het bericht vertelt niet welke gegevens van deze persoon zijn gelekt: gebruik {{exposed_data}}.',
          en: "The message does not tell the person which of their data leaked: use {{exposed_data}}.",
        },
      };
}

function plainLanguageVerdict(figures: ReadabilityFigures, locale: MessageLocale): ItemVerdict {
  const limits = plainLanguageLimits[locale];
  const problems: Array<{ nl: string; en: string }> = [];
  if (figures.words === 0) problems.push({ nl: 'het bericht heeft geen tekst', en: 'the message has no text' });
  if (figures.averageSentenceLength > limits.maxAverageSentence) {
    problems.push({
      nl: `de zinnen zijn gemiddeld ${figures.averageSentenceLength} woorden lang (ten hoogste ${limits.maxAverageSentence})`,
      en: `sentences average ${figures.averageSentenceLength} words (at most ${limits.maxAverageSentence})`,
    });
  }
  if (figures.longWordShare > limits.maxLongWordShare) {
    const share = Math.round(figures.longWordShare * 100);
    problems.push({
      nl: `${share}% van de woorden heeft ${limits.longWordLetters} letters of meer (ten hoogste ${limits.maxLongWordShare * 100}%)`,
      en: `${share}% of the words have ${limits.longWordLetters} letters or more (at most ${limits.maxLongWordShare * 100}%)`,
    });
  }
  if (figures.jargon.length > 0) {
    problems.push({ nl: `vaktaal: ${figures.jargon.join(', ')}`, en: `jargon: ${figures.jargon.join(', ')}` });
  }
  if (problems.length === 0) {
    return {
      item: 'plain_language',
      passed: true,
      evidence: null,
      reason: {
        nl: `Heldere taal: gemiddeld ${figures.averageSentenceLength} woorden per zin, ${Math.round(figures.longWordShare * 100)}% lange woorden.`,
        en: `Plain language: ${figures.averageSentenceLength} words per sentence on average, ${Math.round(figures.longWordShare * 100)}% long words.`,
      },
    };
  }
  return {
    item: 'plain_language',
    passed: false,
    evidence: null,
    reason: { nl: `Niet in heldere taal: ${problems.map((p) => p.nl).join('; ')}.`, en: `Not in plain language: ${problems.map((p) => p.en).join('; ')}.` },
  };
}

function placeholderVerdict(placeholders: readonly string[]): ItemVerdict {
  const unknown = [...new Set(placeholders.filter((p) => !(knownPlaceholders as readonly string[]).includes(p)))];
  return unknown.length === 0
    ? { item: 'placeholders', passed: true, evidence: null, reason: { nl: 'Alle invulvelden zijn bekend.', en: 'Every placeholder is known.' } }
    : {
        item: 'placeholders',
        passed: false,
        evidence: null,
        reason: {
          nl: `Onbekende invulvelden: ${unknown.map((p) => `{{${p}}}`).join(', ')}; bekend zijn ${knownPlaceholders.map((p) => `{{${p}}}`).join(', ')}.`,
          en: `Unknown placeholders: ${unknown.map((p) => `{{${p}}}`).join(', ')}; known are ${knownPlaceholders.map((p) => `{{${p}}}`).join(', ')}.`,
        },
      };
}

/** Sentences end at . ! ? or a line break; addresses, numbers and links are not words a reader stumbles on. */
export function measureReadability(body: string, locale: MessageLocale): ReadabilityFigures {
  const cleaned = body.replace(/https?:\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, ' ');
  const sentences = cleaned
    .split(/[.!?]+(?:\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  const words = sentences.flatMap((s) => s.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter((w) => /\p{L}/u.test(w)));
  const limits = plainLanguageLimits[locale];
  const long = words.filter((w) => w.replace(/-/g, '').length >= limits.longWordLetters).length;
  const found = [...new Set([...cleaned.toLowerCase().matchAll(jargon[locale])].map((m) => m[0]))];
  return {
    sentences: sentences.length,
    words: words.length,
    averageSentenceLength: sentences.length === 0 ? 0 : Math.round((words.length / sentences.length) * 10) / 10,
    longWordShare: words.length === 0 ? 0 : Math.round((long / words.length) * 1000) / 1000,
    jargon: found,
  };
}
