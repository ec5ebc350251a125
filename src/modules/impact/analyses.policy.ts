import type { Actor, Role } from '../../http/actor.ts';

export type AnalysisAction = 'read' | 'run' | 'apply' | 'read_contacts';

/**
 * Who may do what with a case's dataset analyses. Analysts run them; officers also see the people's
 * contact details unmasked. A reporter or processor, and any API token, finds no analysis at all.
 */
const allowed: Record<AnalysisAction, ReadonlySet<Role>> = {
  read: new Set(['admin', 'privacy_officer', 'security_analyst', 'auditor']),
  run: new Set(['admin', 'privacy_officer', 'security_analyst']),
  apply: new Set(['admin', 'privacy_officer', 'security_analyst']),
  read_contacts: new Set(['admin', 'privacy_officer']),
};

export function mayOnAnalyses(actor: Actor, action: AnalysisAction): boolean {
  if (actor.apiTokenId) return false;
  return allowed[action].has(actor.role);
}
