import type { Actor, Role } from '../../http/actor.ts';

/** Those who write or review messages to the people affected; processors and API tokens do not. */
const checkers: ReadonlySet<Role> = new Set(['admin', 'privacy_officer', 'security_analyst', 'auditor']);

export function mayCheckMessages(actor: Actor): boolean {
  return !actor.apiTokenId && checkers.has(actor.role);
}
