import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { completeSetupBody, meResponse, setupTokenParams, setupTokenResponse, signInBody, signInResponse, updateMeBody } from './auth.schemas.ts';
import { completeSetup, describeSetupToken, loadMe, signIn, signOut, updateMyLocale } from './auth.service.ts';
import { setPendingSignInCookie } from './mfa-cookie.ts';
import { registerMfaRoutes } from './mfa.routes.ts';
import { registerOidcRoutes } from './oidc.routes.ts';
import { mustEnrol } from './mfa.service.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from './session-cookie.ts';

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  app.get('/api/session', { schema: { tags: ['session'], summary: 'The signed-in account', response: { 200: meResponse } } }, async (request) => {
    const actor = requireActor(request);
    return { user: { ...(await loadMe(ctx.db, actor.userId)), mfaEnrolmentRequired: await mustEnrol(ctx.db, actor) } };
  });

  app.post(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with e-mail and password; with a second factor set up, answers mfaRequired and the code goes to POST /api/session/mfa',
        body: signInBody,
        response: { 200: signInResponse },
      },
    },
    async (request, reply) => {
      const outcome = await signIn(ctx, { ...request.body, ip: request.ip, previousToken: request.cookies[sessionCookieName] });
      if ('mfaRequired' in outcome) {
        setPendingSignInCookie(reply, ctx.config, outcome.pendingToken, outcome.expiresAt, ctx.clock.now());
        return { mfaRequired: true as const };
      }
      setSessionCookie(reply, ctx.config, outcome.token, outcome.expiresAt, ctx.clock.now());
      return { user: { ...outcome.me, mfaEnrolmentRequired: await mustEnrol(ctx.db, { userId: outcome.me.id, role: outcome.me.role }) } };
    },
  );

  app.delete('/api/session', { schema: { tags: ['session'], summary: 'Sign out of this session' } }, async (request, reply) => {
    const actor = requireActor(request);
    await signOut(ctx, actor);
    clearSessionCookie(reply, ctx.config);
    return reply.status(204).send();
  });

  app.get(
    '/api/setup/:token',
    { schema: { tags: ['session'], summary: 'Who a one-time setup link is for (public)', params: setupTokenParams, response: { 200: setupTokenResponse } } },
    async (request) => describeSetupToken(ctx, request.params.token),
  );

  app.post(
    '/api/setup',
    { schema: { tags: ['session'], summary: 'Choose a password with a setup link and sign in (public)', body: completeSetupBody, response: { 200: meResponse } } },
    async (request, reply) => {
      const session = await completeSetup(ctx, { ...request.body, previousToken: request.cookies[sessionCookieName] });
      setSessionCookie(reply, ctx.config, session.token, session.expiresAt, ctx.clock.now());
      return { user: { ...session.me, mfaEnrolmentRequired: await mustEnrol(ctx.db, { userId: session.me.id, role: session.me.role }) } };
    },
  );

  app.patch(
    '/api/me',
    { schema: { tags: ['session'], summary: 'Change your own preferences', body: updateMeBody, response: { 200: meResponse } } },
    async (request) => {
      const actor = requireActor(request);
      return { user: await updateMyLocale(ctx, actor, request.body.locale) };
    },
  );

  registerMfaRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
}
