import type { Actor, Role } from '../../http/actor.ts';

export type RegulatorAction = 'read' | 'draft';

/**
 * Officers draft and record what went to the authority; analysts and auditors read the drafts. Anyone
 * else, and any API token, finds nothing: denied answers as absent.
 */
const allowed: Record<RegulatorAction, ReadonlySet<Role>> = {
  read: new Set(['admin', 'privacy_officer', 'security_analyst', 'auditor']),
  draft: new Set(['admin', 'privacy_officer']),
};

export function mayOnRegulator(actor: Actor, action: RegulatorAction): boolean {
  if (actor.apiTokenId) return false;
  return allowed[action].has(actor.role);
}
