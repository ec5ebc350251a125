import type { Actor } from '../../http/actor.ts';

/**
 * Which organisation an actor reads: its own controller organisation, or for a processor's account only
 * the processor organisation it speaks for (never the controller's brands or other vendors).
 */
export function readableOrganisation(actor: Actor): { orgId: string; scope: 'full' | 'name_only' } | null {
  if (actor.role === 'processor') return actor.processorOrgId ? { orgId: actor.processorOrgId, scope: 'name_only' } : null;
  return { orgId: actor.orgId, scope: 'full' };
}

export function canManageOrganisation(actor: Actor): boolean {
  return actor.role === 'admin';
}
