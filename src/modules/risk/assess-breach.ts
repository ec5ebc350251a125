import type { CaseFacts } from './case-facts.schemas.ts';
import { describeCategories, describeGroups } from './data-categories.ts';
import { atLeast, buildRuleContext, formatCount, riskRules, type RuleContext } from './edpb-risk-rules.ts';
import { assessSeverity } from './enisa-severity.ts';
import type { Art34Exception, BreachDecision, Reason, RiskFactor, RiskOutcome, SeverityLevel } from './risk.types.ts';

/**
 * The risk decision for one controller: the ENISA severity sets a starting point, the EDPB rules move
 * it, and Art. 34(3) decides whether a high risk still means telling each person. Pure and
 * deterministic: the same facts give the same decision, reasons in the same order.
 */
export function assessBreach(facts: CaseFacts): BreachDecision {
  const severity = assessSeverity(facts);
  const context = buildRuleContext(facts, severity);
  const reasons: Reason[] = [severityReason(severity.level, severity.score)];

  let risk = outcomeForLevel[severity.level];
  for (const phase of ['confidentiality', 'neutralise', 'integrity_availability'] as const) {
    for (const rule of riskRules) {
      if (rule.phase !== phase || !rule.applies(context, risk)) continue;
      const moves = rule.kind === 'floor' ? !atLeast(risk, rule.level) : atLeast(risk, rule.level) && risk !== rule.level;
      if (moves) risk = rule.level;
      reasons.push({ code: rule.code, en: rule.en(context), nl: rule.nl(context) });
    }
  }

  const exceptions = risk === 'high' ? art34Exceptions(facts) : [];
  const exempt = exceptions.some((exception) => exception.article !== '34(3)(c)');
  const publicInstead = !exempt && exceptions.some((exception) => exception.article === '34(3)(c)');
  let notifySubjects = risk === 'high' && exceptions.length === 0;
  let notifyAuthority = risk !== 'none';

  if (facts.sector === 'telecom') {
    // ePrivacy art. 4(3) has no risk threshold for the authority, and informs subscribers at "adverse effect", below high risk.
    notifyAuthority = true;
    reasons.push(telecomAuthorityReason);
    if (risk === 'risk' && !context.unintelligible) {
      notifySubjects = true;
      reasons.push(telecomSubscriberReason);
    }
  }
  if (facts.nis2 !== 'none') reasons.push(nis2Reason(facts.nis2));
  if (facts.breach.cause === 'unlawful_processing') reasons.push(unlawfulProcessingReason);
  for (const exception of exceptions) reasons.push({ code: `art_${exception.article.replaceAll(/[()]/g, '_')}`, en: exception.en, nl: exception.nl });
  reasons.push(conclusionReason(risk, notifyAuthority, notifySubjects, publicInstead));

  return {
    severity,
    risk,
    notify_authority: notifyAuthority,
    notify_subjects: notifySubjects,
    public_communication: publicInstead,
    exceptions,
    factors: describeFactors(context),
    reasons,
  };
}

const outcomeForLevel: Record<SeverityLevel, RiskOutcome> = { low: 'none', medium: 'risk', high: 'high', very_high: 'high' };

const levelWords: Record<SeverityLevel, { en: string; nl: string }> = {
  low: { en: 'low', nl: 'laag' },
  medium: { en: 'medium', nl: 'gemiddeld' },
  high: { en: 'high', nl: 'hoog' },
  very_high: { en: 'very high', nl: 'zeer hoog' },
};

function severityReason(level: SeverityLevel, score: number): Reason {
  return {
    code: 'enisa_severity',
    en: `The ENISA severity score is ${score} (${levelWords[level].en}); on its own that points to ${outcomeWords[outcomeForLevel[level]].en}.`,
    nl: `De ENISA-ernstscore is ${score} (${levelWords[level].nl}); op zichzelf wijst dat op ${outcomeWords[outcomeForLevel[level]].nl}.`,
  };
}

const outcomeWords: Record<RiskOutcome, { en: string; nl: string }> = {
  none: { en: 'no risk to report', nl: 'geen risico dat gemeld moet worden' },
  risk: { en: 'a risk to the people (notify the authority)', nl: 'een risico voor de betrokkenen (melden aan de toezichthouder)' },
  high: { en: 'a high risk (also inform the people)', nl: 'een hoog risico (ook de betrokkenen informeren)' },
};

function art34Exceptions(facts: CaseFacts): Art34Exception[] {
  const exceptions: Art34Exception[] = [];
  if (facts.data.protection === 'encrypted_key_safe') {
    exceptions.push({
      article: '34(3)(a)',
      en: 'Art. 34(3)(a): the data were encrypted and the key is safe, so they are unintelligible to others; the people need not be informed.',
      nl: 'Art. 34 lid 3 onder a: de gegevens waren versleuteld en de sleutel is veilig, dus onleesbaar voor anderen; de betrokkenen hoeven niet te worden geïnformeerd.',
    });
  }
  if (facts.measures.high_risk_mitigated || facts.measures.data_recovered_before_access) {
    exceptions.push({
      article: '34(3)(b)',
      en: 'Art. 34(3)(b): measures taken afterwards make the high risk no longer likely; the people need not be informed.',
      nl: 'Art. 34 lid 3 onder b: achteraf genomen maatregelen maken het hoge risico niet langer waarschijnlijk; de betrokkenen hoeven niet te worden geïnformeerd.',
    });
  }
  if (facts.measures.disproportionate_effort) {
    exceptions.push({
      article: '34(3)(c)',
      en: 'Art. 34(3)(c): informing each person would take disproportionate effort; a public communication informs them as effectively instead.',
      nl: 'Art. 34 lid 3 onder c: iedereen afzonderlijk informeren vergt onevenredige inspanning; een openbare mededeling informeert hen even doeltreffend.',
    });
  }
  return exceptions;
}

const telecomAuthorityReason: Reason = {
  code: 'telecom_every_breach',
  en: 'As a provider of public electronic communications, the controller notifies every personal data breach to the authority (ePrivacy Directive art. 4(3), Regulation 611/2013, Telecommunicatiewet art. 11.3a), whatever the risk.',
  nl: 'Als aanbieder van openbare elektronische communicatiediensten meldt de verwerkingsverantwoordelijke elk datalek aan de toezichthouder (ePrivacyrichtlijn art. 4 lid 3, Verordening 611/2013, Telecommunicatiewet art. 11.3a), ongeacht het risico.',
};

const telecomSubscriberReason: Reason = {
  code: 'telecom_subscribers',
  en: 'The breach is likely to affect the subscribers’ privacy and the data were readable, so the telecom rules require informing them (Regulation 611/2013 art. 3).',
  nl: 'Het datalek heeft waarschijnlijk nadelige gevolgen voor de persoonlijke levenssfeer van abonnees en de gegevens waren leesbaar, dus de telecomregels vragen hen te informeren (Verordening 611/2013 art. 3).',
};

function nis2Reason(entity: 'essential' | 'important'): Reason {
  const nl = entity === 'essential' ? 'essentiële' : 'belangrijke';
  return {
    code: 'nis2_separate',
    en: `As an ${entity} NIS2 entity, a significant incident is also reported to the CSIRT; that duty runs beside the GDPR, not instead of it.`,
    nl: `Als ${nl} entiteit onder NIS2 meldt de organisatie een significant incident ook aan het CSIRT; die plicht loopt naast de AVG, niet in plaats daarvan.`,
  };
}

const unlawfulProcessingReason: Reason = {
  code: 'unlawful_processing',
  en: 'This is unlawful processing rather than an attack; where the controller did not authorise the disclosure it is still a breach of security, and it is documented in the register either way.',
  nl: 'Dit is onrechtmatige verwerking en geen aanval; waar de verwerkingsverantwoordelijke de verstrekking niet heeft gewild, is het toch een inbreuk op de beveiliging, en het wordt hoe dan ook in het register vastgelegd.',
};

function conclusionReason(risk: RiskOutcome, authority: boolean, subjects: boolean, publicCommunication: boolean): Reason {
  const en: string[] = [`Conclusion: ${outcomeWords[risk].en}.`];
  const nl: string[] = [`Conclusie: ${outcomeWords[risk].nl}.`];
  en.push('Document the breach in the register (art. 33(5)).');
  nl.push('Leg het datalek vast in het register (art. 33 lid 5).');
  if (authority) {
    en.push('Notify the supervisory authority.');
    nl.push('Meld het aan de toezichthouder.');
  }
  if (subjects) {
    en.push('Inform the people affected, in clear and plain language.');
    nl.push('Informeer de betrokkenen in duidelijke en eenvoudige taal.');
  } else if (publicCommunication) {
    en.push('Make a public communication instead of informing each person.');
    nl.push('Doe een openbare mededeling in plaats van iedereen afzonderlijk te informeren.');
  }
  return { code: 'conclusion', en: en.join(' '), nl: nl.join(' ') };
}

/** The EDPB 9/2022 factors in its own order, each saying which way it pushes for these facts. */
function describeFactors(c: RuleContext): RiskFactor[] {
  const { facts, severity } = c;
  const kinds = [
    facts.breach.confidentiality !== 'none' ? ['confidentiality', 'vertrouwelijkheid'] : null,
    facts.breach.integrity !== 'none' ? ['integrity', 'integriteit'] : null,
    facts.breach.availability !== 'none' ? ['availability', 'beschikbaarheid'] : null,
  ].filter((kind): kind is string[] => kind !== null);
  const people = facts.data.subjects;
  const range = (language: 'en' | 'nl') =>
    people.min === people.max ? formatCount(people.max, language) : `${formatCount(people.min, language)}–${formatCount(people.max, language)}`;
  return [
    {
      factor: 'type_of_breach',
      direction: facts.breach.malicious || facts.breach.confidentiality === 'public' ? 'raises' : kinds.length === 0 ? 'lowers' : 'neutral',
      en: `Breach of ${kinds.map((k) => k[0]).join(', ') || 'nothing measurable'}${facts.breach.malicious ? ', with malicious intent' : ''}.`,
      nl: `Inbreuk op ${kinds.map((k) => k[1]).join(', ') || 'niets meetbaars'}${facts.breach.malicious ? ', met kwade opzet' : ''}.`,
    },
    {
      factor: 'nature_sensitivity_volume',
      direction: severity.dpc >= 3 ? 'raises' : severity.dpc <= 1 ? 'lowers' : 'neutral',
      en: `${capitalise(describeCategories(c.categories, 'en'))}; data processing context ${severity.dpc} of 4.`,
      nl: `${capitalise(describeCategories(c.categories, 'nl'))}; verwerkingscontext ${severity.dpc} van 4.`,
    },
    {
      factor: 'ease_of_identification',
      direction: severity.ei >= 0.75 ? 'raises' : severity.ei <= 0.25 ? 'lowers' : 'neutral',
      en: `Ease of identification: ${severity.ei_level} (${severity.ei}).`,
      nl: `Identificeerbaarheid: ${severity.ei} van 1.`,
    },
    {
      factor: 'severity_of_consequences',
      direction: c.identityFraud.length > 0 || c.special.length > 0 || facts.breach.availability === 'permanent' || facts.breach.integrity === 'not_recoverable' ? 'raises' : c.unintelligible ? 'lowers' : 'neutral',
      en: consequencesText(c, 'en'),
      nl: consequencesText(c, 'nl'),
    },
    {
      factor: 'vulnerable_individuals',
      direction: c.vulnerable.length > 0 ? 'raises' : 'neutral',
      en: c.vulnerable.length > 0 ? `Vulnerable groups among the people: ${describeGroups(c.vulnerable, 'en')}.` : 'No vulnerable groups known.',
      nl: c.vulnerable.length > 0 ? `Kwetsbare groepen onder de betrokkenen: ${describeGroups(c.vulnerable, 'nl')}.` : 'Geen kwetsbare groepen bekend.',
    },
    {
      factor: 'controller_characteristics',
      direction: facts.controller_traits.length > 0 || facts.sector === 'health' || facts.sector === 'finance' ? 'raises' : 'neutral',
      en: `Sector ${facts.sector}${facts.controller_traits.length > 0 ? `; ${facts.controller_traits.join(', ')}` : ''}.`,
      nl: `Sector ${facts.sector}${facts.controller_traits.length > 0 ? `; ${facts.controller_traits.join(', ')}` : ''}.`,
    },
    {
      factor: 'number_of_people',
      direction: people.max >= 10_000 ? 'raises' : people.max <= 10 ? 'lowers' : 'neutral',
      en: `${range('en')} people affected${facts.data.records !== undefined ? ` in ${formatCount(facts.data.records, 'en')} records` : ''}.`,
      nl: `${range('nl')} betrokkenen${facts.data.records !== undefined ? ` in ${formatCount(facts.data.records, 'nl')} records` : ''}.`,
    },
  ];
}

function consequencesText(c: RuleContext, language: 'en' | 'nl'): string {
  const parts: string[] = [];
  if (c.identityFraud.length > 0) parts.push(language === 'en' ? 'identity theft or fraud possible' : 'identiteitsfraude of andere fraude mogelijk');
  if (c.special.length > 0) parts.push(language === 'en' ? 'harm from disclosed special-category data' : 'schade door gelekte bijzondere gegevens');
  if (c.facts.breach.availability === 'permanent') parts.push(language === 'en' ? 'data lost for good' : 'gegevens blijvend verloren');
  if (c.facts.breach.integrity === 'not_recoverable') parts.push(language === 'en' ? 'wrong data cannot be corrected' : 'onjuiste gegevens niet te herstellen');
  if (parts.length === 0 && c.unintelligible) parts.push(language === 'en' ? 'data unintelligible to others' : 'gegevens onleesbaar voor anderen');
  if (parts.length === 0) parts.push(language === 'en' ? 'inconvenience that can be overcome' : 'ongemak dat te overwinnen is');
  return `${capitalise(parts.join('; '))}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
