import type { Actor } from '../../http/actor.ts';

/** The public page speaks for the organisation: only those who decide what it tells the people may change it. */
export function mayManageIncidentPage(actor: Actor): boolean {
  if (actor.apiTokenId) return false;
  return actor.role === 'privacy_officer' || actor.role === 'admin';
}
