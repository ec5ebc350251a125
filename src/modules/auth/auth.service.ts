import type { AppContext } from '../../app-context.ts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import { roles, type Actor, type Role } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newSecretToken } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import { enqueueEmail } from '../../jobs/index.ts';
import { recordAuditEvent } from '../audit/index.ts';
import {
  claimSetupToken,
  deleteSession,
  deleteSessionsOfUser,
  deleteThrottle,
  findMe,
  findSessionWithUser,
  findSetupToken,
  findThrottles,
  findUserByEmail,
  findUserById,
  insertSession,
  insertSetupToken,
  saveThrottle,
  touchSession,
  updatePasswordHash,
  updateUserLocale,
  type SignInUserRow,
} from './auth.repository.ts';
import type { Me } from './auth.schemas.ts';
import { lockNoticeMail, startsAccountLock } from './lock-notice.ts';
import { normaliseEmail, recordFailure, secondsUntilUnlocked, throttleKey, type ThrottleState } from './login-throttle.ts';
import { createPendingSignIn, hasConfirmedTotp, useSecondFactor } from './mfa.service.ts';
import { deleteMfaPending, findMfaPending } from './mfa.repository.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { hashSecret } from './secret-hash.ts';
import { isSessionExpired, needsTouch, sessionExpiresAt, type SessionLimits } from './session-lifetime.ts';

export type AuthDeps = Pick<AppContext, 'db' | 'clock' | 'config'>;

export const setupTokenHours = 24;

export interface NewSession {
  token: string;
  expiresAt: Date;
  me: Me;
}

/** The password was right, and the account has a second factor: the code is asked next. */
export interface PendingSecondFactor {
  mfaRequired: true;
  pendingToken: string;
  expiresAt: Date;
}

function limitsOf(deps: AuthDeps): SessionLimits {
  return { idleMinutes: deps.config.SESSION_IDLE_MINUTES, absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS };
}

function toRole(value: string): Role {
  // A role outside the known set (an edited row) grants nothing rather than failing open.
  return (roles as readonly string[]).includes(value) ? (value as Role) : 'staff_reporter';
}

function actorOf(user: Pick<SignInUserRow, 'id' | 'org_id' | 'role' | 'processor_org_id' | 'locale' | 'display_name'>, sessionId: string | null): Actor {
  return {
    userId: user.id,
    orgId: user.org_id,
    role: toRole(user.role),
    processorOrgId: user.processor_org_id,
    locale: user.locale,
    displayName: user.display_name,
    sessionId,
    apiTokenId: null,
  };
}

/** The actor behind a session cookie, or null when the session is unknown, expired or its user disabled. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<Actor | null> {
  const sessionId = hashSecret(token);
  const row = await findSessionWithUser(deps.db, sessionId);
  if (!row) return null;
  const now = deps.clock.now();
  const times = { lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
  if (row.disabled_at !== null || isSessionExpired(times, now, limitsOf(deps))) {
    await deleteSession(deps.db, sessionId);
    return null;
  }
  if (needsTouch(times, now)) await touchSession(deps.db, sessionId, now.toISOString());
  return actorOf({ ...row, id: row.user_id }, sessionId);
}

export async function loadMe(db: DbOrTx, userId: string): Promise<Me> {
  const row = await findMe(db, userId);
  if (!row) throw notFound('account');
  return { id: row.id, email: row.email, displayName: row.display_name, role: toRole(row.role), locale: row.locale, orgId: row.org_id, orgName: row.org_name };
}

/** Starts a session for a user who has proven who they are, by password, code or single sign-on alike. */
export async function startSession(tx: Tx, deps: AuthDeps, user: SignInUserRow, previousToken: string | undefined): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const now = deps.clock.now();
  // A new id at every sign-in: a session id planted before sign-in (fixation) is worth nothing after it.
  if (previousToken) await deleteSession(tx, hashSecret(previousToken));
  const token = newSecretToken();
  const expiresAt = sessionExpiresAt(now, limitsOf(deps));
  const id = hashSecret(token);
  await insertSession(tx, { id, user_id: user.id, org_id: user.org_id, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() });
  return { token, expiresAt, actor: actorOf(user, id) };
}

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  previousToken?: string;
}

interface ThrottleKeys {
  email: string;
  ip: string;
}

async function loadThrottlesOrRefuse(deps: AuthDeps, keys: ThrottleKeys, now: Date): Promise<ThrottleState[]> {
  const throttles = await findThrottles(deps.db, [keys.email, keys.ip]);
  const wait = secondsUntilUnlocked(throttles, now);
  if (wait > 0) {
    throw new AppError('too_many_requests', 'Too many failed sign-in attempts. Wait a while and try again.', { details: { retryAfterSeconds: wait } });
  }
  return throttles;
}

/**
 * Counts a failed password or code against the account and the address, and tells the account's owner by
 * e-mail when this failure is the one that locks the account.
 */
async function recordSignInFailure(
  tx: Tx,
  deps: AuthDeps,
  failure: { keys: ThrottleKeys; throttles: ThrottleState[]; now: Date; account?: { id: string; org_id: string; email: string; display_name: string; locale: 'nl' | 'en' } },
): Promise<void> {
  const { keys, throttles, now, account } = failure;
  for (const kind of ['email', 'ip'] as const) {
    const previous = throttles.find((t) => t.key === keys[kind]);
    const next = recordFailure(kind, keys[kind], previous, now);
    await saveThrottle(tx, next);
    if (kind === 'email' && account && startsAccountLock(next) && next.lockedUntil) {
      const mail = lockNoticeMail({ displayName: account.display_name, lockedUntil: next.lockedUntil, locale: account.locale, publicUrl: deps.config.PUBLIC_URL });
      await enqueueEmail(tx, { ...mail, to: account.email, orgId: account.org_id }, { now });
      await recordAuditEvent(tx, deps.clock, { orgId: account.org_id, actor: { label: 'system' }, action: 'user.locked_out', subjectType: 'user', subjectId: account.id, details: { lockedUntil: next.lockedUntil } });
    }
  }
}

export async function signIn(deps: AuthDeps, input: SignInInput): Promise<NewSession | PendingSecondFactor> {
  const email = normaliseEmail(input.email);
  const keys = { email: throttleKey('email', email), ip: throttleKey('ip', input.ip) };
  const now = deps.clock.now();
  const throttles = await loadThrottlesOrRefuse(deps, keys, now);

  const user = await findUserByEmail(deps.db, email);
  const usable = user && user.disabled_at === null ? user : undefined;
  // Always one argon2 verification, whether or not the account exists, so timing reveals nothing.
  const passwordOk = await verifyPassword(usable?.password_hash ?? null, input.password);

  if (!usable || !passwordOk) {
    await deps.db.transaction().execute(async (tx) => {
      await recordSignInFailure(tx, deps, { keys, throttles, now, account: usable ? { ...usable, email } : undefined });
      await recordAuditEvent(tx, deps.clock, {
        orgId: user?.org_id ?? null,
        actor: { label: 'public' },
        action: 'session.sign_in_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
      });
    });
    throw new AppError('invalid_credentials', 'The e-mail address or password is not correct.');
  }

  return deps.db.transaction().execute(async (tx) => {
    if (await hasConfirmedTotp(tx, usable.id)) {
      // The throttle is not reset yet: a right password with wrong codes still counts towards the lock.
      const pending = await createPendingSignIn(tx, deps, usable.id);
      return { mfaRequired: true as const, pendingToken: pending.token, expiresAt: pending.expiresAt };
    }
    // Only the account's counter resets: one working account must not clear an address's failures elsewhere.
    await deleteThrottle(tx, keys.email);
    const session = await startSession(tx, deps, usable, input.previousToken);
    await recordAuditEvent(tx, deps.clock, { orgId: usable.org_id, actor: session.actor, action: 'session.signed_in', subjectType: 'user', subjectId: usable.id });
    return { token: session.token, expiresAt: session.expiresAt, me: await loadMe(tx, usable.id) };
  });
}

export interface SecondFactorInput {
  pendingToken: string;
  code: string;
  ip: string;
  previousToken?: string;
}

/** The second step of a sign-in: a TOTP or backup code for the sign-in the pending token stands for. */
export async function completeSecondFactor(deps: AuthDeps, input: SecondFactorInput): Promise<NewSession> {
  const pendingId = hashSecret(input.pendingToken);
  const pending = await findMfaPending(deps.db, pendingId);
  const now = deps.clock.now();
  if (!pending || Date.parse(pending.expires_at) <= now.getTime()) {
    throw new AppError('not_authenticated', 'The sign-in has expired; enter your e-mail address and password again.');
  }
  const me = await loadMe(deps.db, pending.user_id);
  const keys = { email: throttleKey('email', me.email), ip: throttleKey('ip', input.ip) };
  const throttles = await loadThrottlesOrRefuse(deps, keys, now);
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const user = await findUserById(tx, pending.user_id);
    if (!user || user.disabled_at !== null) return null;
    const used = await useSecondFactor(tx, deps, user.id, input.code);
    if (!used) return { user, session: null };
    await deleteMfaPending(tx, pendingId);
    await deleteThrottle(tx, keys.email);
    const session = await startSession(tx, deps, user, input.previousToken);
    await recordAuditEvent(tx, deps.clock, { orgId: user.org_id, actor: session.actor, action: 'session.signed_in', subjectType: 'user', subjectId: user.id, details: { secondFactor: used } });
    return { user, session: { token: session.token, expiresAt: session.expiresAt, me: await loadMe(tx, user.id) } };
  });
  if (!outcome) throw new AppError('not_authenticated', 'The sign-in has expired; enter your e-mail address and password again.');
  if (outcome.session) return outcome.session;
  const { user } = outcome;
  await deps.db.transaction().execute(async (tx) => {
    await recordSignInFailure(tx, deps, { keys, throttles, now, account: { ...user, email: me.email } });
    await recordAuditEvent(tx, deps.clock, { orgId: user.org_id, actor: { label: 'public' }, action: 'session.second_factor_failed', subjectType: 'user', subjectId: user.id });
  });
  throw new AppError('invalid_credentials', 'The code is not correct.');
}

/** Ends every session of the signed-in account, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhere(deps: AuthDeps, actor: Actor): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, actor.userId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'session.signed_out_everywhere', subjectType: 'user', subjectId: actor.userId, details: { sessions: ended } });
    return ended;
  });
}

export async function signOut(deps: AuthDeps, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await deps.db.transaction().execute(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'session.signed_out', subjectType: 'user', subjectId: actor.userId });
  });
}

/** Ends every session of a user at once (role change, disabling, password change). */
export async function revokeUserSessions(tx: DbOrTx, userId: string): Promise<number> {
  return deleteSessionsOfUser(tx, userId);
}

export function setupLinkFor(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/setup/${token}`;
}

/** Creates a one-time link with which a user chooses a password; returns the link. */
export async function issueSetupToken(tx: DbOrTx, deps: Pick<AuthDeps, 'clock' | 'config'>, userId: string): Promise<string> {
  const token = newSecretToken();
  const now = deps.clock.now();
  await insertSetupToken(tx, {
    token_hash: hashSecret(token),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + setupTokenHours * 3_600_000).toISOString(),
  });
  return setupLinkFor(deps.config.PUBLIC_URL, token);
}

async function findUsableSetupToken(db: DbOrTx, clock: Clock, token: string) {
  const row = await findSetupToken(db, hashSecret(token));
  if (!row || row.used_at !== null || row.disabled_at !== null || Date.parse(row.expires_at) <= clock.now().getTime()) {
    throw notFound('setup link');
  }
  return row;
}

export async function describeSetupToken(deps: AuthDeps, token: string): Promise<{ email: string; displayName: string }> {
  const row = await findUsableSetupToken(deps.db, deps.clock, token);
  return { email: row.email, displayName: row.display_name };
}

export async function completeSetup(deps: AuthDeps, input: { token: string; password: string; previousToken?: string }): Promise<NewSession> {
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError('validation_failed', `The password ${problem}.`, { issues: [{ field: 'password', message: problem }] });
  await findUsableSetupToken(deps.db, deps.clock, input.token);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const row = await findUsableSetupToken(tx, deps.clock, input.token);
    if (!(await claimSetupToken(tx, row.token_hash, deps.clock.now().toISOString()))) throw notFound('setup link');
    const user = await findUserById(tx, row.user_id);
    if (!user) throw notFound('setup link');
    await updatePasswordHash(tx, user.id, passwordHash);
    await revokeUserSessions(tx, user.id);
    const session = await startSession(tx, deps, user, input.previousToken);
    await recordAuditEvent(tx, deps.clock, { orgId: user.org_id, actor: session.actor, action: 'user.password_set', subjectType: 'user', subjectId: user.id, details: { via: 'setup_link' } });
    await recordAuditEvent(tx, deps.clock, { orgId: user.org_id, actor: session.actor, action: 'session.signed_in', subjectType: 'user', subjectId: user.id });
    return { token: session.token, expiresAt: session.expiresAt, me: await loadMe(tx, user.id) };
  });
}

export async function updateMyLocale(deps: AuthDeps, actor: Actor, locale: 'nl' | 'en'): Promise<Me> {
  return deps.db.transaction().execute(async (tx) => {
    await updateUserLocale(tx, actor.userId, locale);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'user.locale_changed', subjectType: 'user', subjectId: actor.userId, details: { locale } });
    return loadMe(tx, actor.userId);
  });
}
