/**
 * The case lifecycle as data: which state may follow which, and when a reason must be given. Pure, so the
 * whole table is tested without a database.
 */
export const caseLifecycleStates = ['reported', 'triage', 'investigating', 'contained', 'decided', 'notifying', 'closed'] as const;
export type CaseLifecycleState = (typeof caseLifecycleStates)[number];

const forward: Record<CaseLifecycleState, readonly CaseLifecycleState[]> = {
  reported: ['triage'],
  triage: ['investigating'],
  investigating: ['contained'],
  contained: ['decided', 'investigating'],
  decided: ['notifying', 'investigating'],
  notifying: [],
  closed: ['investigating'],
};

/** Closing after the decision or the notifications is the normal end; from anywhere else it needs a reason. */
const closesWithoutReason: ReadonlySet<CaseLifecycleState> = new Set(['decided', 'notifying']);

export function isCaseLifecycleState(value: string): value is CaseLifecycleState {
  return (caseLifecycleStates as readonly string[]).includes(value);
}

/** The states a case may move to next, in lifecycle order. */
export function allowedTransitions(from: string): CaseLifecycleState[] {
  if (!isCaseLifecycleState(from)) return [];
  const next = new Set<CaseLifecycleState>(forward[from]);
  if (from !== 'closed') next.add('closed');
  return caseLifecycleStates.filter((state) => next.has(state));
}

export type TransitionCheck =
  | { ok: true; reasonRequired: boolean }
  | { ok: false; problem: 'not_allowed'; allowed: CaseLifecycleState[] }
  | { ok: false; problem: 'reason_required' };

/** Whether `from` may move to `to` with the reason given; a reopen and an early close must say why. */
export function checkTransition(from: string, to: string, reason: string | null | undefined): TransitionCheck {
  const allowed = allowedTransitions(from);
  if (!isCaseLifecycleState(to) || !allowed.includes(to)) return { ok: false, problem: 'not_allowed', allowed };
  const reasonRequired = from === 'closed' || (to === 'closed' && !closesWithoutReason.has(from as CaseLifecycleState));
  if (reasonRequired && !(reason ?? '').trim()) return { ok: false, problem: 'reason_required' };
  return { ok: true, reasonRequired };
}

export function isOpenState(state: string): boolean {
  return state !== 'closed';
}
