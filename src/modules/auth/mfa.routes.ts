import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { AppError } from '../../shared/app-error.ts';
import { meResponse } from './auth.schemas.ts';
import { completeSecondFactor, loadMe, signOutEverywhere } from './auth.service.ts';
import { clearPendingSignInCookie, pendingSignInCookieName } from './mfa-cookie.ts';
import { backupCodesResponse, codeBody, enrolmentResponse, mfaStatusResponse, signedOutEverywhereResponse } from './mfa.schemas.ts';
import { confirmEnrolment, loadMfaStatus, mustEnrol, regenerateBackupCodes, removeSecondFactor, startEnrolment } from './mfa.service.ts';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from './session-cookie.ts';

/** Routes an account that still has to set up its required second factor may use. */
export const enrolmentRoutes: ReadonlyArray<{ method: string; url: string }> = [
  { method: 'GET', url: '/api/session' },
  { method: 'DELETE', url: '/api/session' },
  { method: 'DELETE', url: '/api/sessions' },
  { method: 'PATCH', url: '/api/me' },
  { method: 'GET', url: '/api/account/mfa' },
  { method: 'POST', url: '/api/account/mfa/enrolment' },
  { method: 'POST', url: '/api/account/mfa/confirmation' },
];

export function registerMfaRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/session/mfa',
    { schema: { tags: ['session'], summary: 'Second step of a sign-in: a code from the authenticator app or a backup code', body: codeBody, response: { 200: meResponse } } },
    async (request, reply) => {
      const pendingToken = request.cookies[pendingSignInCookieName];
      if (!pendingToken) throw new AppError('not_authenticated', 'The sign-in has expired; enter your e-mail address and password again.');
      const session = await completeSecondFactor(ctx, { pendingToken, code: request.body.code, ip: request.ip, previousToken: request.cookies[sessionCookieName] });
      clearPendingSignInCookie(reply, ctx.config);
      setSessionCookie(reply, ctx.config, session.token, session.expiresAt, ctx.clock.now());
      return { user: { ...session.me, mfaEnrolmentRequired: false } };
    },
  );

  app.delete(
    '/api/sessions',
    { schema: { tags: ['session'], summary: 'Sign out everywhere: end every session of this account', response: { 200: signedOutEverywhereResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const sessionsEnded = await signOutEverywhere(ctx, actor);
      clearSessionCookie(reply, ctx.config);
      return { sessionsEnded };
    },
  );

  app.get('/api/account/mfa', { schema: { tags: ['account'], summary: 'Whether a second factor is set up and required', response: { 200: mfaStatusResponse } } }, async (request) =>
    loadMfaStatus(ctx.db, requireActor(request)),
  );

  app.post(
    '/api/account/mfa/enrolment',
    { schema: { tags: ['account'], summary: 'Start setting up an authenticator app: a new secret and its QR code', response: { 200: enrolmentResponse } } },
    async (request) => {
      const actor = requireActor(request);
      const me = await loadMe(ctx.db, actor.userId);
      return startEnrolment(ctx, actor, me.email);
    },
  );

  app.post(
    '/api/account/mfa/confirmation',
    { schema: { tags: ['account'], summary: 'Confirm the authenticator app with a first code; answers ten backup codes, shown once', body: codeBody, response: { 200: backupCodesResponse } } },
    async (request) => ({ backupCodes: await confirmEnrolment(ctx, requireActor(request), request.body.code) }),
  );

  app.post(
    '/api/account/mfa/backup-codes',
    { schema: { tags: ['account'], summary: 'Replace the backup codes; needs a current code', body: codeBody, response: { 200: backupCodesResponse } } },
    async (request) => ({ backupCodes: await regenerateBackupCodes(ctx, requireActor(request), request.body.code) }),
  );

  app.post(
    '/api/account/mfa/removal',
    { schema: { tags: ['account'], summary: 'Remove the second factor (not when the organisation requires it for your role)', body: codeBody } },
    async (request, reply) => {
      await removeSecondFactor(ctx, requireActor(request), request.body.code);
      return reply.status(204).send();
    },
  );
}

/** Whether a request may pass while its account still has to set up the second factor. */
export function isEnrolmentRoute(method: string, url: string | undefined): boolean {
  if (!url || !url.startsWith('/api/')) return true;
  return enrolmentRoutes.some((route) => route.method === method && route.url === url);
}

export { mustEnrol };
