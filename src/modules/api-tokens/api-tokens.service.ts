import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { canManageApiTokens } from './api-tokens.policy.ts';
import { findActiveApiTokenByHash, findApiTokenOfOrg, insertApiToken, listApiTokensOfOrg, revokeApiTokenRow, touchApiToken, type ApiTokenRow } from './api-tokens.repository.ts';
import { createApiTokenBody, type ApiTokenView, type CreateApiTokenInput, type CreatedApiToken } from './api-tokens.schemas.ts';
import { hashApiToken, looksLikeApiToken, newApiToken } from './token-format.ts';

export type ApiTokenDeps = Pick<AppContext, 'db' | 'clock'>;

/** last_used_at is a hint for admins, not a log: writing it at most once a minute spares the database. */
const touchIntervalMs = 60_000;

function toView(row: ApiTokenRow): ApiTokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

function managedOrgId(actor: Actor): string {
  if (!canManageApiTokens(actor)) throw notFound('token');
  return actor.orgId;
}

/** How an actor is named in the audit trail: a token is not a user, so it is recorded by its id. */
export function auditActorOf(actor: Actor): AuditInput['actor'] {
  return actor.apiTokenId ? { label: `api_token:${actor.apiTokenId}` } : actor;
}

export async function listApiTokens(deps: ApiTokenDeps, actor: Actor): Promise<ApiTokenView[]> {
  return (await listApiTokensOfOrg(deps.db, managedOrgId(actor))).map(toView);
}

export async function createApiToken(deps: ApiTokenDeps, actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const orgId = managedOrgId(actor);
  const parsed = createApiTokenBody.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', 'The token needs a name of at most 100 characters.', { issues: [{ field: 'name', message: 'required, at most 100 characters' }] });
  const { name } = parsed.data;
  const created = newApiToken();
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await deps.db.transaction().execute(async (tx) => {
    await insertApiToken(tx, { id, org_id: orgId, name, token_hash: created.hash, prefix: created.prefix, created_by: actor.userId, created_at: now.toISOString(), last_used_at: null, revoked_at: null });
    await recordAuditEvent(tx, deps.clock, { orgId, actor, action: 'api_token.created', subjectType: 'api_token', subjectId: id, details: { name, prefix: created.prefix } });
  });
  return { id, name, prefix: created.prefix, token: created.token };
}

export async function revokeApiToken(deps: ApiTokenDeps, actor: Actor, id: string): Promise<void> {
  const orgId = managedOrgId(actor);
  await deps.db.transaction().execute(async (tx) => {
    const row = await findApiTokenOfOrg(tx, orgId, id);
    if (!row) throw notFound('token');
    if (row.revoked_at) return;
    await revokeApiTokenRow(tx, id, deps.clock.now().toISOString());
    await recordAuditEvent(tx, deps.clock, { orgId, actor, action: 'api_token.revoked', subjectType: 'api_token', subjectId: id, details: { prefix: row.prefix } });
  });
}

/**
 * The actor behind a bearer token, or null for an unknown or revoked one. A token acts with the least
 * role (staff_reporter) and is further held to the report-intake routes by the auth hook.
 */
export async function resolveApiToken(deps: ApiTokenDeps, token: string): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await findActiveApiTokenByHash(deps.db, hashApiToken(token));
  if (!row) return null;
  const now = deps.clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= touchIntervalMs) await touchApiToken(deps.db, row.id, now.toISOString());
  return { userId: `api_token:${row.id}`, orgId: row.org_id, role: 'staff_reporter', processorOrgId: null, locale: 'en', displayName: row.name, sessionId: null, apiTokenId: row.id };
}
