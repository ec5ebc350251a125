import { recordAuditEvent } from '../audit/index.ts';
import { findUserByEmail } from './auth.repository.ts';
import { loadMe, startSession, type AuthDeps, type NewSession, type PendingSecondFactor } from './auth.service.ts';
import { normaliseEmail } from './login-throttle.ts';
import { createPendingSignIn, hasConfirmedTotp } from './mfa.service.ts';
import { accountEmailFrom, providerAssertsSecondFactor, type OidcRefusal, type OidcSettings } from './oidc-claims.ts';

export interface OidcSignInInput {
  /** Claims the provider vouched for (signature, issuer, audience, nonce already checked). */
  claims: Record<string, unknown>;
  previousToken?: string;
}

export type OidcSignInOutcome = NewSession | PendingSecondFactor | { refused: OidcRefusal };

/** Records that a sign-in through the provider did not go through, so failures show up in the audit log. */
export async function recordOidcFailure(deps: AuthDeps, failure: { reason: string; orgId?: string | null; userId?: string | null }): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await recordAuditEvent(tx, deps.clock, {
      orgId: failure.orgId ?? null,
      actor: { label: 'public' },
      action: 'session.sign_in_failed',
      subjectType: 'user',
      subjectId: failure.userId ?? null,
      // Never the e-mail address: the audit log must not become a list of who tried.
      details: { method: 'oidc', reason: failure.reason },
    });
  });
}

/**
 * Signs in the existing, active account whose e-mail address the provider vouches for. No account is ever
 * created here: an admin invites people first. An account with an authenticator app still gives its code
 * unless the provider asserts it already used a second factor (`amr` / `acr` as configured).
 */
export async function signInWithOidc(deps: AuthDeps, settings: OidcSettings, input: OidcSignInInput): Promise<OidcSignInOutcome> {
  const vouched = accountEmailFrom(input.claims, settings.emailClaim);
  if ('refused' in vouched) {
    await recordOidcFailure(deps, { reason: vouched.refused });
    return { refused: vouched.refused };
  }
  const user = await findUserByEmail(deps.db, normaliseEmail(vouched.email));
  if (!user || user.disabled_at !== null) {
    await recordOidcFailure(deps, { reason: user ? 'account_disabled' : 'no_account', orgId: user?.org_id, userId: user?.id });
    // A disabled account answers like a missing one: the provider's users learn nothing about ours.
    return { refused: 'no_account' };
  }
  const secondFactorAtProvider = providerAssertsSecondFactor(input.claims, settings);
  return deps.db.transaction().execute(async (tx) => {
    if (!secondFactorAtProvider && (await hasConfirmedTotp(tx, user.id))) {
      const pending = await createPendingSignIn(tx, deps, user.id);
      return { mfaRequired: true as const, pendingToken: pending.token, expiresAt: pending.expiresAt };
    }
    const session = await startSession(tx, deps, user, input.previousToken);
    await recordAuditEvent(tx, deps.clock, {
      orgId: user.org_id,
      actor: session.actor,
      action: 'session.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      details: { method: 'oidc', ...(secondFactorAtProvider ? { secondFactor: 'provider' } : {}) },
    });
    return { token: session.token, expiresAt: session.expiresAt, me: await loadMe(tx, user.id) };
  });
}
