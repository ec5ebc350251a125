import type { Actor } from '../../http/actor.ts';

/** The built-in mailbox holds mail to anyone in the organisation, affected people included: admins only. */
export function canReadMailbox(actor: Actor): boolean {
  return actor.role === 'admin';
}
