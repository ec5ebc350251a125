import type { Actor } from '../../http/actor.ts';

export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'auditor';
}
