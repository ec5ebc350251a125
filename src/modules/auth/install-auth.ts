import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newSecretToken } from '../../shared/ids.ts';
import { isTokenReachable, resolveApiToken } from '../api-tokens/index.ts';
import { resolveSession } from './auth.service.ts';
import { isEnrolmentRoute } from './mfa.routes.ts';
import { mustEnrol } from './mfa.service.ts';
import { csrfBodyField, csrfCookieName, csrfHeaderName, csrfTokensMatch, isBearerRequest, isUnsafeMethod } from './csrf.ts';
import { clearSessionCookie, sessionCookieName } from './session-cookie.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const routeTables = new WeakMap<object, RegisteredRoute[]>();

/**
 * Every route registered after installAuth, one entry per method. The tenant-isolation test walks this
 * table, so a route added later is checked without anyone remembering to list it.
 */
export function registeredRoutes(app: object): RegisteredRoute[] {
  return [...(routeTables.get(app) ?? [])];
}

function submittedCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers[csrfHeaderName];
  if (typeof header === 'string' && header) return header;
  const body = request.body;
  if (body && typeof body === 'object' && csrfBodyField in body) {
    const value = (body as Record<string, unknown>)[csrfBodyField];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * Resolves request.actor from the session cookie and enforces the double-submit CSRF check on every unsafe
 * method. Must be installed right after the cookie plugin and before any route.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  const routes: RegisteredRoute[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.cookies[csrfCookieName]) {
      reply.setCookie(csrfCookieName, newSecretToken(), { httpOnly: false, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies });
    }
    // A bearer-token request is authenticated by its token alone; it is exempt from CSRF, so it must never
    // also be carried by the session cookie. A token reaches only the report-intake routes: others 404.
    if (isBearerRequest(request.headers.authorization)) {
      request.actor = await resolveApiToken(ctx, (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '').trim());
      if (request.actor && !isTokenReachable(request.method, request.routeOptions.url)) throw notFound();
      return;
    }
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    request.actor = await resolveSession(ctx, token);
    if (!request.actor) clearSessionCookie(reply, ctx.config);
  });

  // After body parsing, so that a plain HTML form can send the token as a body field.
  app.addHook('preValidation', async (request) => {
    if (!isUnsafeMethod(request.method) || isBearerRequest(request.headers.authorization)) return;
    if (!csrfTokensMatch(request.cookies[csrfCookieName], submittedCsrfToken(request))) {
      throw new AppError('csrf_failed', 'The request lacks a valid CSRF token; reload the page and try again.');
    }
    if (request.body && typeof request.body === 'object') delete (request.body as Record<string, unknown>)[csrfBodyField];
  });

  // An account that must use a second factor and has none set up may only set one up (or sign out).
  app.addHook('preHandler', async (request) => {
    const actor = request.actor;
    if (!actor?.sessionId || actor.apiTokenId || isEnrolmentRoute(request.method, request.routeOptions.url)) return;
    if (await mustEnrol(ctx.db, actor)) {
      throw new AppError('mfa_enrolment_required', 'Your organisation requires a second sign-in factor for your role. Set up an authenticator app on your account page first.');
    }
  });
}
