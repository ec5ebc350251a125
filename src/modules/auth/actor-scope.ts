import type { Actor } from '../../http/actor.ts';

/**
 * What records an actor may reach. Every module filters by orgId; a processor's account is further held
 * to what its own processor organisation reported, never the controller's other records.
 */
export type ActorScope = { kind: 'organisation'; orgId: string } | { kind: 'processor'; orgId: string; processorOrgId: string };

export function actorScope(actor: Actor): ActorScope {
  if (actor.role === 'processor') {
    // A processor account without its processor organisation sees nothing rather than everything.
    return { kind: 'processor', orgId: actor.orgId, processorOrgId: actor.processorOrgId ?? '' };
  }
  return { kind: 'organisation', orgId: actor.orgId };
}
