import type { ObligationId, ObligationStatus } from '../clocks/index.ts';

/** The part of an obligation a task's due date depends on. */
export interface TaskClock {
  id: ObligationId;
  dueAt: string | null;
  status: ObligationStatus;
}

export type Locale = 'nl' | 'en';

export interface TaskTemplate {
  key: string;
  title: Record<Locale, string>;
  /** The clocks whose earliest deadline the task is due at; empty when no deadline fits the task. */
  dueWith: readonly ObligationId[];
}

/** The tasks every new case starts with, in the order the work is usually done. */
export const taskTemplates: readonly TaskTemplate[] = [
  { key: 'contain', title: { nl: 'Datalek indammen', en: 'Contain the breach' }, dueWith: [] },
  { key: 'preserve_evidence', title: { nl: 'Bewijs veiligstellen', en: 'Preserve evidence' }, dueWith: [] },
  { key: 'assess_risk', title: { nl: 'Risico voor betrokkenen beoordelen', en: 'Assess the risk to the people affected' }, dueWith: ['gdpr_authority', 'telecom_initial'] },
  { key: 'notify_regulator', title: { nl: 'Melden bij de toezichthouder', en: 'Notify the regulator' }, dueWith: ['gdpr_authority', 'telecom_initial'] },
  { key: 'inform_people', title: { nl: 'Betrokkenen informeren', en: 'Inform the people affected' }, dueWith: [] },
  { key: 'lessons_learned', title: { nl: 'Lessen trekken en maatregelen vastleggen', en: 'Record lessons learned and measures' }, dueWith: [] },
];

export interface TemplateTask {
  templateKey: string;
  title: string;
  dueAt: string | null;
}

/** The template tasks of a new case, titled in the organisation's language and due at the clocks that fit. */
export function tasksFromTemplates(locale: Locale, obligations: readonly TaskClock[]): TemplateTask[] {
  return taskTemplates.map((template) => ({
    templateKey: template.key,
    title: template.title[locale],
    dueAt: earliestDue(obligations.filter((o) => template.dueWith.includes(o.id))),
  }));
}

function earliestDue(obligations: readonly TaskClock[]): string | null {
  const due = obligations.filter((o) => o.status !== 'not_applicable' && o.dueAt !== null).map((o) => o.dueAt as string);
  return due.length === 0 ? null : due.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

/** Tasks in the order they were added, template tasks of one case in the order of the templates. */
export function sortTasks<T extends { created_at: string; template_key: string | null; id: string }>(tasks: readonly T[]): T[] {
  const rank = (key: string | null) => (key === null ? taskTemplates.length : taskTemplates.findIndex((t) => t.key === key));
  return [...tasks].sort((a, b) => a.created_at.localeCompare(b.created_at) || rank(a.template_key) - rank(b.template_key) || a.id.localeCompare(b.id));
}
