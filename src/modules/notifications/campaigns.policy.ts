import type { Actor, Role } from '../../http/actor.ts';

const officers: ReadonlySet<Role> = new Set(['admin', 'privacy_officer']);

/** Writing, approving and running a campaign to the people affected is the privacy officer's (or admin's). */
export function mayRunCampaigns(actor: Actor): boolean {
  return !actor.apiTokenId && !actor.processorOrgId && officers.has(actor.role);
}

/**
 * Letters, delivery reports and test messages hold or describe the people affected: the organisation's
 * privacy officers and admins only, never through an API token.
 */
export function mayExportCampaignFiles(actor: Actor): boolean {
  return mayRunCampaigns(actor);
}

/** Bounce notices come from a mail system, not a person: only an organisation's API token posts them. */
export function mayReportBounces(actor: Actor): boolean {
  return Boolean(actor.apiTokenId);
}
