import type { Actor, Role } from '../../http/actor.ts';

export type AssessmentAction = 'read' | 'decide' | 'assess_facts';

/**
 * Who may do what with risk decisions. Officers decide; analysts and auditors read. Anyone else, and any
 * API token, finds no assessment at all: denied answers as absent.
 */
const allowed: Record<AssessmentAction, ReadonlySet<Role>> = {
  read: new Set(['admin', 'privacy_officer', 'security_analyst', 'auditor']),
  decide: new Set(['admin', 'privacy_officer']),
  assess_facts: new Set(['admin', 'privacy_officer', 'security_analyst']),
};

export function mayOnAssessments(actor: Actor, action: AssessmentAction): boolean {
  if (actor.apiTokenId) return false;
  return allowed[action].has(actor.role);
}
