import type { Actor, Role } from '../../http/actor.ts';

export const userActions = ['list', 'create', 'update'] as const;
export type UserAction = (typeof userActions)[number];

/** Admins manage accounts; the privacy officer and the auditor may see who has access. */
const allowedRoles: Record<UserAction, readonly Role[]> = {
  list: ['admin', 'privacy_officer', 'auditor'],
  create: ['admin'],
  update: ['admin'],
};

export function mayActOnUsers(actor: Pick<Actor, 'role'>, action: UserAction): boolean {
  return allowedRoles[action].includes(actor.role);
}
