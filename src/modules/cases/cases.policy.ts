import type { Actor } from '../../http/actor.ts';

/** Everyone in the controller organisation reads its cases; a processor's account sees only what it reported. */
export function caseReadScope(actor: Actor): { orgId: string } | null {
  if (actor.role === 'processor') return null;
  return { orgId: actor.orgId };
}
