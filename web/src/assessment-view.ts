import type { Bilingual, DecisionReport, DraftKind, DraftRegime, DraftView, Locale, RiskOutcomeValue } from './api-types.ts';

export const riskOutcomes = ['none', 'risk', 'high'] as const satisfies readonly RiskOutcomeValue[];
export const draftKinds = ['initial', 'follow_up', 'withdrawal'] as const satisfies readonly DraftKind[];

/** The server's minimum, checked here too so that the person reads the problem in their own language. */
export const minJustificationLength = 20;

export function inLocale(text: Bilingual, locale: Locale): string {
  return text[locale] || text.en;
}

export type OverrideProblem = 'justificationRequired' | 'justificationTooShort';

/** Choosing the computed outcome needs no reason; any other outcome needs a written one of some substance. */
export function overrideProblem(computed: RiskOutcomeValue, chosen: RiskOutcomeValue, justification: string): OverrideProblem | undefined {
  if (chosen === computed) return undefined;
  const text = justification.trim();
  if (text === '') return 'justificationRequired';
  if (text.length < minJustificationLength) return 'justificationTooShort';
  return undefined;
}

export type DecisionDeadline = DecisionReport['deadlines'][number];

/** The deadlines that bind this case, the earliest first; one with no moment yet (awareness unknown) last. */
export function applicableDeadlines(decision: DecisionReport): DecisionDeadline[] {
  return decision.deadlines
    .filter((d) => d.applies)
    .sort((a, b) => (a.due_at ?? '\uffff').localeCompare(b.due_at ?? '\uffff'));
}

/**
 * The notification forms an organisation can draft: the AP's GDPR form always, the Telecommunications Act
 * variant for a telecom provider, the CSIRT reports for a NIS2 entity.
 */
export function draftRegimesFor(sector: string, nis2: string): DraftRegime[] {
  const regimes: DraftRegime[] = ['gdpr'];
  if (sector === 'telecom') regimes.push('telecom');
  if (nis2 === 'essential' || nis2 === 'important') regimes.push('nis2_early_warning', 'nis2_notification', 'nis2_final');
  return regimes;
}

/** A follow-up or a withdrawal refers to an earlier notification, so it is offered only once one was submitted. */
export function draftKindsAvailable(drafts: readonly Pick<DraftView, 'submittedAt'>[]): DraftKind[] {
  return drafts.some((d) => d.submittedAt !== null) ? [...draftKinds] : ['initial'];
}

/** Where each answer still missing sits, so that the officer can go and complete the case. */
export function missingQuestions(draft: Pick<DraftView, 'sections'>, locale: Locale): string[] {
  return draft.sections.flatMap((section) => section.answers.filter((a) => a.missing).map((a) => `${inLocale(section.title, locale)}: ${inLocale(a.question, locale)}`));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Whether the facts a decision stood on differ from the case's facts now; the order of keys does not count. */
export function factsChanged(decidedOn: Record<string, unknown>, now: Record<string, unknown>): boolean {
  return JSON.stringify(canonical(decidedOn)) !== JSON.stringify(canonical(now));
}

export interface FactSourceView {
  source: string;
  by: string | null;
  at: string;
}

/**
 * The facts the officer did not type in: taken from the organisation, the case record or the impact
 * analysis. Shown beside the decision so that a measured figure is never mistaken for an estimate.
 */
export function automaticFacts(sources: Record<string, FactSourceView>): Array<{ path: string } & FactSourceView> {
  return Object.entries(sources)
    .filter(([, s]) => s.source !== 'user')
    .map(([path, s]) => ({ path, ...s }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
