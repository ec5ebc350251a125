import QRCode from 'qrcode';
import type { DbOrTx, Tx } from '../../db/database.ts';
import { roles, type Actor, type Role } from '../../http/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { newId, newSecretToken } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { decryptValue, encryptValue, getOrCreateDataKey, loadDataKey } from '../keys/index.ts';
import type { AuthDeps } from './auth.service.ts';
import {
  claimBackupCode,
  claimTotpStep,
  confirmTotp,
  countUnusedBackupCodes,
  deleteExpiredMfaPending,
  deleteTotp,
  findMfaGateState,
  findMfaRequiredRoles,
  findUserTotp,
  insertMfaPending,
  replaceBackupCodes,
  saveUnconfirmedTotp,
  updateMfaRequiredRoles,
  type UserTotpRow,
} from './mfa.repository.ts';
import { hashSecret } from './secret-hash.ts';
import { acceptedTotpStep, hashBackupCode, looksLikeBackupCode, newBackupCodes, newTotpSecret, otpauthUri } from './totp.ts';

export const defaultMfaRoles: readonly Role[] = ['admin', 'privacy_officer'];
/** How long a sign-in that passed the password waits for its code. */
export const pendingSignInMinutes = 5;

/** The roles in an organisation's stored setting; anything unreadable falls back to the secure default. */
export function parseMfaRoles(json: string | null | undefined): Role[] {
  try {
    const value: unknown = JSON.parse(json ?? '');
    if (Array.isArray(value)) return roles.filter((role) => value.includes(role));
  } catch {
    // fall through to the default
  }
  return [...defaultMfaRoles];
}

/** Reads `admin,privacy_officer`, `none` or `default` as typed on the command line. */
export function mfaRolesFromList(list: string): Role[] {
  const trimmed = list.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === '') return [];
  if (trimmed === 'default') return [...defaultMfaRoles];
  const wanted = trimmed.split(/[\s,]+/).filter(Boolean);
  const unknown = wanted.filter((r) => !(roles as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `Unknown role ${unknown.join(', ')}.`, { issues: [{ field: 'mfaRoles', message: `must be none, default or roles among ${roles.join(', ')}` }] });
  }
  return roles.filter((r) => wanted.includes(r));
}

export function isEnrolmentRequired(requiredRoles: readonly Role[], role: Role, enrolled: boolean): boolean {
  return !enrolled && requiredRoles.includes(role);
}

export async function setMfaRequiredRoles(db: DbOrTx, orgId: string, required: readonly Role[]): Promise<void> {
  if ((await updateMfaRequiredRoles(db, orgId, JSON.stringify(required))) === 0) throw new AppError('not_found', 'This organisation does not exist.');
}

/** Whether a signed-in account must first set up its second factor before it may do anything else. */
export async function mustEnrol(db: DbOrTx, actor: Pick<Actor, 'userId' | 'role'>): Promise<boolean> {
  const state = await findMfaGateState(db, actor.userId);
  if (!state) return false;
  return isEnrolmentRequired(parseMfaRoles(state.rolesJson), actor.role, state.confirmedAt !== null);
}

export interface MfaStatus {
  enrolled: boolean;
  required: boolean;
  backupCodesLeft: number;
}

export async function loadMfaStatus(db: DbOrTx, actor: Actor): Promise<MfaStatus> {
  const totp = await findUserTotp(db, actor.userId);
  const required = parseMfaRoles(await findMfaRequiredRoles(db, actor.orgId)).includes(actor.role);
  const enrolled = Boolean(totp?.confirmed_at);
  return { enrolled, required, backupCodesLeft: enrolled ? await countUnusedBackupCodes(db, actor.userId) : 0 };
}

async function secretOf(db: DbOrTx, deps: AuthDeps, row: UserTotpRow): Promise<string> {
  return decryptValue((await loadDataKey(db, deps, row.data_key_id)).key, row.secret);
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** The otpauth address as an SVG QR code, rendered here: no third party ever sees the secret. */
  qrCode: string;
}

/** A new, unconfirmed secret; it replaces an earlier unconfirmed one and only counts once a code confirms it. */
export async function startEnrolment(deps: AuthDeps, actor: Actor, accountEmail: string): Promise<Enrolment> {
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (tx) => {
    const existing = await findUserTotp(tx, actor.userId);
    if (existing?.confirmed_at) throw new AppError('conflict', 'A second factor is already set up; remove it first to set up another.');
    const dataKey = await getOrCreateDataKey(tx, deps, actor.orgId, null);
    await saveUnconfirmedTotp(tx, {
      user_id: actor.userId,
      org_id: actor.orgId,
      secret: encryptValue(dataKey.key, secret),
      data_key_id: dataKey.id,
      confirmed_at: null,
      last_used_step: null,
      created_at: deps.clock.now().toISOString(),
    });
  });
  const uri = otpauthUri(secret, accountEmail, 'Breachdesk');
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

async function issueBackupCodes(tx: Tx, deps: AuthDeps, userId: string): Promise<string[]> {
  const codes = newBackupCodes();
  await replaceBackupCodes(tx, userId, codes.map((code) => ({ id: newId(), code_hash: hashBackupCode(code) })), deps.clock.now().toISOString());
  return codes;
}

function wrongCode(): AppError {
  return new AppError('validation_failed', 'The code is not correct.', { issues: [{ field: 'code', message: 'the code is not correct' }] });
}

/** Confirms the enrolment with a first code; answers the backup codes, shown this once. */
export async function confirmEnrolment(deps: AuthDeps, actor: Actor, code: string): Promise<string[]> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await findUserTotp(tx, actor.userId);
    if (!row) throw new AppError('conflict', 'Start setting up the second factor first.');
    if (row.confirmed_at) throw new AppError('conflict', 'The second factor is already set up.');
    const step = acceptedTotpStep(await secretOf(tx, deps, row), code, deps.clock.now(), null);
    if (step === null) throw wrongCode();
    await confirmTotp(tx, actor.userId, deps.clock.now().toISOString(), step);
    const codes = await issueBackupCodes(tx, deps, actor.userId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'user.mfa_enabled', subjectType: 'user', subjectId: actor.userId });
    return codes;
  });
}

/**
 * Checks a TOTP code or an unused backup code for a user with a confirmed second factor, and uses it up.
 * Returns which kind matched, or null.
 */
export async function useSecondFactor(tx: Tx, deps: AuthDeps, userId: string, code: string): Promise<'totp' | 'backup_code' | null> {
  const row = await findUserTotp(tx, userId);
  if (!row?.confirmed_at) return null;
  if (looksLikeBackupCode(code)) {
    return (await claimBackupCode(tx, userId, hashBackupCode(code), deps.clock.now().toISOString())) ? 'backup_code' : null;
  }
  const lastUsed = row.last_used_step === null ? null : Number(row.last_used_step);
  const step = acceptedTotpStep(await secretOf(tx, deps, row), code, deps.clock.now(), lastUsed);
  if (step === null) return null;
  return (await claimTotpStep(tx, userId, step, lastUsed)) ? 'totp' : null;
}

export async function hasConfirmedTotp(db: DbOrTx, userId: string): Promise<boolean> {
  return Boolean((await findUserTotp(db, userId))?.confirmed_at);
}

/** New backup codes, replacing the old ones; a current code proves the person still holds the factor. */
export async function regenerateBackupCodes(deps: AuthDeps, actor: Actor, code: string): Promise<string[]> {
  return deps.db.transaction().execute(async (tx) => {
    if (!(await hasConfirmedTotp(tx, actor.userId))) throw new AppError('conflict', 'No second factor is set up.');
    if ((await useSecondFactor(tx, deps, actor.userId, code)) === null) throw wrongCode();
    const codes = await issueBackupCodes(tx, deps, actor.userId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'user.mfa_backup_codes_renewed', subjectType: 'user', subjectId: actor.userId });
    return codes;
  });
}

/** Removes the second factor, unless the organisation requires one for this role. */
export async function removeSecondFactor(deps: AuthDeps, actor: Actor, code: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    if (parseMfaRoles(await findMfaRequiredRoles(tx, actor.orgId)).includes(actor.role)) {
      throw new AppError('conflict', 'Your organisation requires a second factor for your role; it cannot be removed.');
    }
    if (!(await hasConfirmedTotp(tx, actor.userId))) throw new AppError('conflict', 'No second factor is set up.');
    if ((await useSecondFactor(tx, deps, actor.userId, code)) === null) throw wrongCode();
    await deleteTotp(tx, actor.userId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'user.mfa_removed', subjectType: 'user', subjectId: actor.userId });
  });
}

/** A sign-in that passed the password and now waits for the second factor; the token goes in a cookie. */
export async function createPendingSignIn(tx: DbOrTx, deps: AuthDeps, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  await deleteExpiredMfaPending(tx, now.toISOString());
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + pendingSignInMinutes * 60_000);
  await insertMfaPending(tx, { id: hashSecret(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() });
  return { token, expiresAt };
}
