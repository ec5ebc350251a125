import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { newSecretToken } from '../../shared/ids.ts';
import { csrfCookieName } from '../auth/index.ts';
import { parseIncidentTexts } from './incident-page.service.ts';
import { renderIncidentPage, renderLookupAnswer, renderLookupMessagePage, renderVerifyPage } from './incident-pages.render.ts';
import { lookupLocaleOf } from './lookup-texts.ts';
import { createLookupDesk, type LookupDesk, type LookupDeskOptions } from './public-lookup.service.ts';

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[csrfCookieName];
  if (existing) return existing;
  const token = newSecretToken();
  reply.setCookie(csrfCookieName, token, { httpOnly: false, sameSite: 'strict', path: '/', secure });
  return token;
}

function fieldOf(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

type SlugParams = { Params: { slug: string } };

/**
 * The public incident pages: server-rendered, no script, Dutch by default with ?lang=en. A lookup always
 * gets the same answer; what was found reaches only the address entered, by a job.
 */
export function registerPublicLookupRoutes(app: App, ctx: AppContext, options?: LookupDeskOptions): LookupDesk {
  const desk = createLookupDesk(ctx, options);
  const secure = ctx.config.secureCookies;
  // Accepted lookups still in memory are written before the server lets go of the database.
  app.addHook('onClose', async () => desk.queue.close());

  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      const locale = lookupLocaleOf(request.query);
      const code = isAppError(error) ? error.code : 'internal';
      if (code === 'internal') request.log.error({ err: error }, 'public incident page failed');
      const status = code === 'not_found' ? 404 : code === 'csrf_failed' ? 403 : code === 'internal' ? 500 : 400;
      return html(reply, status, renderLookupMessagePage(locale, status === 404 ? 'notFound' : 'failed'));
    });

    async function pageOf(slug: string) {
      const page = await desk.findPublishedPage(slug);
      if (!page) throw new AppError('not_found', 'No such incident page.');
      return page;
    }

    scope.get<SlugParams>('/incident/:slug', { schema: { hide: true } }, async (request, reply) => {
      const page = await pageOf(request.params.slug);
      const locale = lookupLocaleOf(request.query);
      return html(
        reply,
        200,
        renderIncidentPage({
          locale,
          slug: page.slug,
          organisationName: page.org_name,
          caseReference: page.case_reference,
          texts: parseIncidentTexts(page.texts)[locale],
          updatedAt: page.updated_at,
          csrfToken: csrfTokenFor(request, reply, secure),
          channels: desk.channelsOf(page),
        }),
      );
    });

    scope.post<SlugParams>('/incident/:slug/lookup', { schema: { hide: true } }, async (request, reply) => {
      const page = await pageOf(request.params.slug);
      const locale = lookupLocaleOf(request.query);
      const outcome = await desk.acceptLookup(page, {
        identifier: fieldOf(request.body, 'identifier'),
        customerNumber: fieldOf(request.body, 'customerNumber'),
        postcode: fieldOf(request.body, 'postcode'),
        locale,
        clientAddress: request.ip,
      });
      if (outcome !== 'queued' && outcome !== 'queue_full') request.log.info({ outcome, caseId: page.case_id }, 'lookup not queued');
      return html(reply, 200, renderLookupAnswer({ locale, slug: page.slug, organisationName: page.org_name, channels: desk.channelsOf(page) }));
    });

    scope.get<SlugParams>('/incident/:slug/verify', { schema: { hide: true } }, async (request, reply) => {
      const page = await pageOf(request.params.slug);
      const locale = lookupLocaleOf(request.query);
      return html(reply, 200, renderVerifyPage({ locale, slug: page.slug, organisationName: page.org_name, csrfToken: csrfTokenFor(request, reply, secure), result: null }));
    });

    scope.post<SlugParams>('/incident/:slug/verify', { schema: { hide: true } }, async (request, reply) => {
      const page = await pageOf(request.params.slug);
      const locale = lookupLocaleOf(request.query);
      const genuine = await desk.verifyCode(page, fieldOf(request.body, 'code'));
      return html(
        reply,
        200,
        renderVerifyPage({ locale, slug: page.slug, organisationName: page.org_name, csrfToken: csrfTokenFor(request, reply, secure), result: genuine ? 'genuine' : 'not_genuine' }),
      );
    });
  });
  return desk;
}
