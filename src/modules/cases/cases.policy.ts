import type { Actor, Role } from '../../http/actor.ts';

/** What can be done on a case; reading includes its tasks, comments, files, timeline and notifications. */
export const caseActions = ['read', 'create', 'manage', 'edit_facts', 'work_tasks', 'comment', 'attach_files'] as const;
export type CaseAction = (typeof caseActions)[number];

type ReadScope = 'organisation' | 'involved' | 'none';

interface RolePolicy {
  read: ReadScope;
  actions: ReadonlySet<CaseAction>;
}

const everything = new Set<CaseAction>(caseActions);

/**
 * The one table of who may do what with cases. "manage" covers creating, editing, transitions, parties and
 * recording notifications. A member of staff who reports reads only the cases it owns or holds a task on.
 */
export const casePolicy: Record<Role, RolePolicy> = {
  admin: { read: 'organisation', actions: everything },
  privacy_officer: { read: 'organisation', actions: everything },
  security_analyst: { read: 'organisation', actions: new Set(['read', 'edit_facts', 'work_tasks', 'comment', 'attach_files']) },
  staff_reporter: { read: 'involved', actions: new Set(['read']) },
  auditor: { read: 'organisation', actions: new Set(['read']) },
  processor: { read: 'none', actions: new Set() },
};

/** An actor authenticated with an API token reaches report intake only, never cases. */
export function caseReadScope(actor: Actor): ReadScope {
  if (actor.apiTokenId) return 'none';
  return casePolicy[actor.role]?.read ?? 'none';
}

export function mayOnCases(actor: Actor, action: CaseAction): boolean {
  if (actor.apiTokenId) return false;
  return casePolicy[actor.role]?.actions.has(action) ?? false;
}
