import type { Actor, Role } from '../../http/actor.ts';

/**
 * The register and the dashboard describe every breach of the organisation. Staff who only report and
 * processors do not see them; for them the register answers as if it did not exist.
 */
const readers: ReadonlySet<Role> = new Set(['admin', 'privacy_officer', 'security_analyst', 'auditor']);

export function canReadRegister(actor: Actor): boolean {
  return readers.has(actor.role);
}
