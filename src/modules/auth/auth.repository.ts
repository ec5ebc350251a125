import type { DbOrTx } from '../../db/database.ts';
import type { ThrottleState } from './login-throttle.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  org_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SessionWithUserRow extends SessionRow {
  role: string;
  processor_org_id: string | null;
  locale: 'nl' | 'en';
  display_name: string;
  disabled_at: string | null;
}

export interface SignInUserRow {
  id: string;
  org_id: string;
  role: string;
  processor_org_id: string | null;
  locale: 'nl' | 'en';
  display_name: string;
  password_hash: string | null;
  disabled_at: string | null;
}

export interface MeRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  locale: 'nl' | 'en';
  org_id: string;
  org_name: string;
}

export interface SetupTokenRow {
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  email: string;
  display_name: string;
  disabled_at: string | null;
}

const signInUserColumns = ['id', 'org_id', 'role', 'processor_org_id', 'locale', 'display_name', 'password_hash', 'disabled_at'] as const;

export async function findSessionWithUser(db: DbOrTx, sessionId: string): Promise<SessionWithUserRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'users.org_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.role',
      'users.processor_org_id',
      'users.locale',
      'users.display_name',
      'users.disabled_at',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function insertSession(db: DbOrTx, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function touchSession(db: DbOrTx, sessionId: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', sessionId).execute();
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<SignInUserRow | undefined> {
  return db.selectFrom('users').select(signInUserColumns).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: DbOrTx, userId: string): Promise<SignInUserRow | undefined> {
  return db.selectFrom('users').select(signInUserColumns).where('id', '=', userId).executeTakeFirst();
}

export async function findMe(db: DbOrTx, userId: string): Promise<MeRow | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.role', 'users.locale', 'users.org_id', 'organisations.name as org_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function updateUserLocale(db: DbOrTx, userId: string, locale: 'nl' | 'en'): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function findThrottles(db: DbOrTx, keys: string[]): Promise<ThrottleState[]> {
  const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  return rows.map((r) => ({ key: r.key, failures: Number(r.failures), lastFailureAt: r.last_failure_at, lockedUntil: r.locked_until }));
}

export async function saveThrottle(db: DbOrTx, state: ThrottleState): Promise<void> {
  const values = { failures: state.failures, last_failure_at: state.lastFailureAt, locked_until: state.lockedUntil };
  await db
    .insertInto('login_throttle')
    .values({ key: state.key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function insertSetupToken(db: DbOrTx, row: { token_hash: string; user_id: string; created_at: string; expires_at: string }): Promise<void> {
  await db.insertInto('setup_tokens').values({ ...row, used_at: null }).execute();
}

export async function findSetupToken(db: DbOrTx, tokenHash: string): Promise<SetupTokenRow | undefined> {
  return db
    .selectFrom('setup_tokens')
    .innerJoin('users', 'users.id', 'setup_tokens.user_id')
    .select(['setup_tokens.token_hash', 'setup_tokens.user_id', 'setup_tokens.expires_at', 'setup_tokens.used_at', 'users.email', 'users.display_name', 'users.disabled_at'])
    .where('setup_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a token used only if it still was not; false means another request took it first. */
export async function claimSetupToken(db: DbOrTx, tokenHash: string, usedAt: string): Promise<boolean> {
  const result = await db.updateTable('setup_tokens').set({ used_at: usedAt }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
