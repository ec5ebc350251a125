import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { setPendingSignInCookie } from './mfa-cookie.ts';
import { oidcSettingsOf, safeReturnPath, type OidcRefusal } from './oidc-claims.ts';
import { authorizationUrlFor, newOidcFlow, redeemAuthorizationCode } from './oidc-client.ts';
import { clearOidcFlowCookie, oidcFlowCookieName, readOidcFlowCookie, setOidcFlowCookie } from './oidc-cookie.ts';
import { recordOidcFailure, signInWithOidc } from './oidc.service.ts';
import { sessionCookieName, setSessionCookie } from './session-cookie.ts';

export const oidcStartPath = '/auth/oidc/start';
export const oidcCallbackPath = '/auth/oidc/callback';

const ssoOptionsResponse = z.object({
  provider: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
});

const startQuery = z.object({ next: z.string().max(2000).optional() });

/** The login page shows why a single sign-on did not work, or asks for the authenticator code. */
function toLoginPage(reply: FastifyReply, outcome: OidcRefusal | 'code', next = '/') {
  // After the code, the person still lands where they were going.
  const onward = next === '/' ? '' : `&next=${encodeURIComponent(next)}`;
  return reply.redirect(`/login?sso=${outcome}${onward}`, 302);
}

function errorReason(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
    if (typeof oauthError === 'string') return oauthError.slice(0, 60);
    if (typeof code === 'string') return code.slice(0, 60);
  }
  return 'error';
}

export function registerOidcRoutes(app: App, ctx: AppContext): void {
  const settings = oidcSettingsOf(ctx.config);

  app.get(
    '/api/session/sso',
    { schema: { tags: ['session'], summary: 'Whether single sign-on is configured, and the name of its provider (public)', response: { 200: ssoOptionsResponse } } },
    async () => ({ provider: settings ? { name: settings.providerName, startUrl: oidcStartPath } : null }),
  );

  if (!settings) return;

  app.get(oidcStartPath, { schema: { hide: true, querystring: startQuery } }, async (request, reply) => {
    const flow = newOidcFlow(safeReturnPath(request.query.next));
    let target: URL;
    try {
      target = await authorizationUrlFor(settings, flow);
    } catch (error) {
      request.log.warn({ reason: errorReason(error) }, 'OpenID provider discovery failed');
      return toLoginPage(reply, 'unavailable');
    }
    setOidcFlowCookie(reply, ctx.config, flow);
    return reply.redirect(target.href, 302);
  });

  app.get(oidcCallbackPath, { schema: { hide: true } }, async (request, reply) => {
    const flow = readOidcFlowCookie(request.cookies[oidcFlowCookieName]);
    // One flow, one answer: whatever happens next, this browser's secrets are gone.
    clearOidcFlowCookie(reply, ctx.config);
    if (!flow) {
      await recordOidcFailure(ctx, { reason: 'no_flow' });
      return toLoginPage(reply, 'failed');
    }
    let claims: Record<string, unknown>;
    try {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      claims = await redeemAuthorizationCode(settings, query, flow);
    } catch (error) {
      const reason = errorReason(error);
      request.log.warn({ reason }, 'single sign-on callback refused');
      await recordOidcFailure(ctx, { reason });
      return toLoginPage(reply, 'failed');
    }
    const outcome = await signInWithOidc(ctx, settings, { claims, previousToken: request.cookies[sessionCookieName] });
    if ('refused' in outcome) return toLoginPage(reply, outcome.refused);
    if ('mfaRequired' in outcome) {
      setPendingSignInCookie(reply, ctx.config, outcome.pendingToken, outcome.expiresAt, ctx.clock.now());
      return toLoginPage(reply, 'code', flow.next);
    }
    setSessionCookie(reply, ctx.config, outcome.token, outcome.expiresAt, ctx.clock.now());
    return reply.redirect(flow.next, 302);
  });
}
