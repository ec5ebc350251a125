import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import type { Organisation, User } from '../../db/schema.ts';
import { roles, type Actor, type Role } from '../../http/actor.ts';
import { AppError, notFound, type FieldIssue } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { hashPassword, issueSetupToken, normaliseEmail, passwordProblem, revokeUserSessions } from '../auth/index.ts';
import type { UpdateUserBody, UserView } from './users.schemas.ts';
import {
  countEnabledAdmins,
  findOrganisationById,
  findOrganisationsByIdOrName,
  listControllerOrganisations,
  findUserIdByEmail,
  findUserInOrg,
  insertUser,
  isLinkedProcessor,
  listUsersOfOrg,
  updateUserRow,
} from './users.repository.ts';

export type UsersDeps = Pick<AppContext, 'db' | 'clock' | 'config'>;
/** Who makes the change: a signed-in user, or the command line / the system. */
export type ChangeActor = Actor | { label: string };

/**
 * The organisation a new account joins when created outside a session: the one named (by id or name), or
 * the only controller organisation when there is exactly one.
 */
export async function chooseOrganisation(db: DbOrTx, idOrName: string | undefined): Promise<Organisation> {
  if (idOrName !== undefined) {
    const matches = await findOrganisationsByIdOrName(db, idOrName.trim());
    const controllers = matches.filter((o) => o.kind === 'controller');
    if (controllers.length === 1) return controllers[0]!;
    if (controllers.length > 1) throw invalid([{ field: 'org', message: `more than one organisation is called "${idOrName}"; give its id` }]);
    throw invalid([{ field: 'org', message: `no organisation with id or name "${idOrName}"` }]);
  }
  const all = await listControllerOrganisations(db);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw invalid([{ field: 'org', message: 'there is no organisation yet; start the server once or create one first' }]);
  throw invalid([{ field: 'org', message: `there are ${all.length} organisations; say which one` }]);
}

export function toUserView(row: User): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

export async function listUsers(db: DbOrTx, orgId: string): Promise<UserView[]> {
  return (await listUsersOfOrg(db, orgId)).map(toUserView);
}

export interface CreateUserInput {
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  password?: string | undefined;
  processorOrgId?: string | undefined;
  locale?: 'nl' | 'en';
}

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('validation_failed', `The request is invalid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, { issues });
}

async function checkProcessorLink(db: DbOrTx, orgId: string, role: Role, processorOrgId: string | null | undefined): Promise<string | null> {
  if (role !== 'processor') {
    if (processorOrgId) throw invalid([{ field: 'processorOrgId', message: 'only a processor account speaks for a processor organisation' }]);
    return null;
  }
  if (!processorOrgId) throw invalid([{ field: 'processorOrgId', message: 'a processor account needs the processor organisation it speaks for' }]);
  if (!(await isLinkedProcessor(db, orgId, processorOrgId))) throw invalid([{ field: 'processorOrgId', message: 'is not one of this organisation’s processors' }]);
  return processorOrgId;
}

/** Creates an account; without a password the result carries a one-time link to choose one. */
export async function createUser(deps: UsersDeps, by: ChangeActor, input: CreateUserInput): Promise<{ user: UserView; setupLink?: string }> {
  const email = normaliseEmail(input.email);
  const issues: FieldIssue[] = [];
  if (!z.email().safeParse(email).success) issues.push({ field: 'email', message: 'is not an e-mail address' });
  if (!input.displayName.trim()) issues.push({ field: 'displayName', message: 'must not be empty' });
  if (!(roles as readonly string[]).includes(input.role)) issues.push({ field: 'role', message: `must be one of ${roles.join(', ')}` });
  const problem = input.password === undefined ? null : passwordProblem(input.password);
  if (problem) issues.push({ field: 'password', message: problem });
  if (issues.length > 0) throw invalid(issues);

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    if (await findUserIdByEmail(tx, email)) throw new AppError('conflict', 'An account with this e-mail address already exists.', { issues: [{ field: 'email', message: 'is already in use' }] });
    const processorOrgId = await checkProcessorLink(tx, input.orgId, input.role, input.processorOrgId);
    const now = deps.clock.now();
    const org = await findOrganisationById(tx, input.orgId);
    if (!org) throw notFound('organisation');
    const row: User = {
      id: newId(now.getTime()),
      org_id: input.orgId,
      email,
      display_name: input.displayName.trim(),
      role: input.role,
      processor_org_id: processorOrgId,
      password_hash: passwordHash,
      locale: input.locale ?? org.default_locale,
      disabled_at: null,
      created_at: now.toISOString(),
    };
    await insertUser(tx, row);
    await recordAuditEvent(tx, deps.clock, {
      orgId: input.orgId,
      actor: by,
      action: 'user.created',
      subjectType: 'user',
      subjectId: row.id,
      details: { role: row.role, passwordSet: passwordHash !== null },
    });
    if (passwordHash !== null) {
      await recordAuditEvent(tx, deps.clock, { orgId: input.orgId, actor: by, action: 'user.password_set', subjectType: 'user', subjectId: row.id, details: { via: 'initial' } });
      return { user: toUserView(row) };
    }
    return { user: toUserView(row), setupLink: await issueSetupToken(tx, deps, row.id) };
  });
}

async function guardLastAdmin(tx: Tx, target: User): Promise<void> {
  if (target.role !== 'admin' || target.disabled_at !== null) return;
  if ((await countEnabledAdmins(tx, target.org_id)) <= 1) {
    throw new AppError('conflict', 'This is the last active admin of the organisation; make someone else admin first.');
  }
}

/** Changes an account of the actor's organisation; an id from elsewhere answers like a missing one. */
export async function updateUser(deps: UsersDeps, actor: Actor, userId: string, changes: UpdateUserBody): Promise<UserView> {
  return deps.db.transaction().execute(async (tx) => {
    const target = await findUserInOrg(tx, actor.orgId, userId);
    if (!target) throw notFound('user');
    const audit = (action: string, details: Record<string, unknown> = {}) =>
      recordAuditEvent(tx, deps.clock, { orgId: target.org_id, actor, action, subjectType: 'user', subjectId: target.id, details });

    let revoke = false;
    const role = changes.role ?? (target.role as Role);
    if (changes.role !== undefined && changes.role !== target.role) {
      if (changes.role !== 'admin') await guardLastAdmin(tx, target);
      const processorOrgId = await checkProcessorLink(tx, target.org_id, role, changes.processorOrgId ?? (role === 'processor' ? target.processor_org_id : null));
      await updateUserRow(tx, target.id, { role, processor_org_id: processorOrgId });
      await audit('user.role_changed', { from: target.role, to: role });
      // New rights start with a new session: the old one was granted under the old role.
      revoke = true;
    } else if (changes.processorOrgId !== undefined && changes.processorOrgId !== target.processor_org_id) {
      const processorOrgId = await checkProcessorLink(tx, target.org_id, role, changes.processorOrgId);
      await updateUserRow(tx, target.id, { processor_org_id: processorOrgId });
      await audit('user.processor_changed', { processorOrgId });
      revoke = true;
    }
    if (changes.displayName !== undefined && changes.displayName !== target.display_name) {
      await updateUserRow(tx, target.id, { display_name: changes.displayName });
      await audit('user.renamed');
    }
    if (changes.disabled === true && target.disabled_at === null) {
      await guardLastAdmin(tx, { ...target, role });
      await updateUserRow(tx, target.id, { disabled_at: deps.clock.now().toISOString() });
      await audit('user.disabled');
      revoke = true;
    } else if (changes.disabled === false && target.disabled_at !== null) {
      await updateUserRow(tx, target.id, { disabled_at: null });
      await audit('user.enabled');
    }
    if (revoke) await revokeUserSessions(tx, target.id);
    const updated = await findUserInOrg(tx, actor.orgId, userId);
    if (!updated) throw notFound('user');
    return toUserView(updated);
  });
}
