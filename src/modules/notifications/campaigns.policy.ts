import type { Actor, Role } from '../../http/actor.ts';

const officers: ReadonlySet<Role> = new Set(['admin', 'privacy_officer']);

/** Writing, approving and running a campaign to the people affected is the privacy officer's (or admin's). */
export function mayRunCampaigns(actor: Actor): boolean {
  return !actor.apiTokenId && !actor.processorOrgId && officers.has(actor.role);
}
