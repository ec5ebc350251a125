import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { newSecretToken } from '../../shared/ids.ts';
import { csrfCookieName } from '../auth/index.ts';
import { filesOf, installMultipartBody } from './multipart-body.ts';
import { emptyFormValues, formValuesOf, isHoneypotFilled, validatePublicForm, type PublicFormValues } from './public-form.ts';
import { renderChooser, renderConfirmation, renderMessagePage, renderReportForm } from './public-pages.ts';
import { publicLocaleOf, type PublicLocale } from './public-texts.ts';
import { newReportReference } from './report-reference.ts';
import { reportLimits } from './reports.schemas.ts';
import { findReportableOrganisation, listReportableOrganisations, resolveProcessorReportLink, submitReport, type ReportOrigin } from './reports.service.ts';
import type { PublicOrganisation } from './reports.repository.ts';
import type { FieldIssue } from '../../shared/app-error.ts';

const stylesheet = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'public', 'report.css'));

/** Per client address: generous for reading the form, strict for submitting it. */
export const publicRateLimits = { get: { max: 120, timeWindow: 60_000 }, post: { max: 10, timeWindow: 10 * 60_000 } } as const;

interface FormTarget {
  organisation: PublicOrganisation;
  action: string;
  processor?: { linkId: string; processorOrgId: string; name: string };
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

/** The form's CSRF value: the cookie the auth hook checks, set here on a first visit so the field can carry it. */
function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[csrfCookieName];
  if (existing) return existing;
  const token = newSecretToken();
  reply.setCookie(csrfCookieName, token, { httpOnly: false, sameSite: 'strict', path: '/', secure });
  return token;
}

/**
 * The public "report a data breach" pages: server-rendered HTML without JavaScript, Dutch by default with
 * ?lang=en, rate-limited per client address, with a honeypot field and per-field errors that keep input.
 */
export function registerPublicReportRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => new AppError('too_many_requests', 'Too many requests from this address; try again later.'),
    });
    installMultipartBody(scope, { fileBytes: ctx.config.MAX_UPLOAD_BYTES, files: reportLimits.files });
    scope.setErrorHandler((error, request, reply) => {
      const locale = publicLocaleOf(request.query, 'nl');
      const code = isAppError(error) ? error.code : (error as { statusCode?: number }).statusCode === 413 ? 'payload_too_large' : 'internal';
      if (code === 'internal') request.log.error({ err: error }, 'public report page failed');
      const status = code === 'too_many_requests' ? 429 : code === 'not_found' ? 404 : code === 'payload_too_large' ? 413 : code === 'csrf_failed' ? 403 : code === 'internal' ? 500 : 400;
      return html(reply, status, renderMessagePage(locale, status === 429 ? 'tooMany' : status === 404 ? 'notFound' : 'failed'));
    });

    const getLimit = { rateLimit: publicRateLimits.get };
    const postLimit = { rateLimit: publicRateLimits.post };
    const bodyLimit = reportLimits.files * ctx.config.MAX_UPLOAD_BYTES + 1024 * 1024;
    const secure = ctx.config.secureCookies;

    scope.get('/public-assets/report.css', { config: getLimit, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(stylesheet),
    );

    function showForm(request: FastifyRequest, reply: FastifyReply, target: FormTarget, values: PublicFormValues, errors: FieldIssue[], status: number, filesWereSent = false) {
      const locale = publicLocaleOf(request.query, target.organisation.default_locale);
      return html(
        reply,
        status,
        renderReportForm({
          locale,
          organisationName: target.organisation.name,
          action: target.action,
          csrfToken: csrfTokenFor(request, reply, secure),
          values,
          errors,
          maxUploadBytes: ctx.config.MAX_UPLOAD_BYTES,
          filesWereSent,
          ...(target.processor ? { processorName: target.processor.name } : {}),
        }),
      );
    }

    async function submit(request: FastifyRequest, reply: FastifyReply, target: FormTarget) {
      const locale: PublicLocale = publicLocaleOf(request.query, target.organisation.default_locale);
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
      if (isHoneypotFilled(body)) {
        // A bot gets what a person would get, so it learns nothing; nothing is stored or sent.
        request.log.info('public report honeypot filled');
        return html(reply, 200, renderConfirmation({ locale, organisationName: target.organisation.name, reference: newReportReference(), emailed: false }));
      }
      const values = formValuesOf(body);
      const files = filesOf(body);
      const checked = validatePublicForm(values, files, { timeZone: target.organisation.time_zone, maxUploadBytes: ctx.config.MAX_UPLOAD_BYTES, requireProcessorAwareAt: Boolean(target.processor) });
      if (!checked.ok) return showForm(request, reply, target, values, checked.errors, 400, files.length > 0);
      const origin: ReportOrigin = target.processor
        ? { orgId: target.organisation.id, source: 'processor', locale, reporterUserId: null, processorOrgId: target.processor.processorOrgId, apiTokenId: null, auditActor: { label: `processor_report_link:${target.processor.linkId}` } }
        : { orgId: target.organisation.id, source: 'public', locale, reporterUserId: null, processorOrgId: null, apiTokenId: null, auditActor: { label: 'public' } };
      const created = await ctx.db.transaction().execute((tx) => submitReport(tx, ctx, origin, checked.input, checked.files));
      return html(reply, 200, renderConfirmation({ locale, organisationName: target.organisation.name, reference: created.reference, emailed: Boolean(checked.input.reporterEmail) }));
    }

    async function targetFor(slug: string | undefined): Promise<FormTarget | 'choose'> {
      if (slug === undefined) {
        const organisations = await listReportableOrganisations(ctx);
        if (organisations.length === 1) return { organisation: organisations[0]!, action: '/report' };
        if (organisations.length === 0) throw new AppError('not_found', 'No organisation takes reports here.');
        return 'choose';
      }
      const organisation = await findReportableOrganisation(ctx, slug);
      if (!organisation) throw new AppError('not_found', 'No such organisation.');
      return { organisation, action: `/report/${encodeURIComponent(slug)}` };
    }

    async function processorTarget(token: string): Promise<FormTarget> {
      const link = await resolveProcessorReportLink(ctx, token);
      if (!link) throw new AppError('not_found', 'This link is not valid (any more).');
      return { organisation: link.controller, action: `/report/processor/${token}`, processor: { linkId: link.id, processorOrgId: link.processor_org_id, name: link.processor_name } };
    }

    scope.get('/report', { config: getLimit, schema: { hide: true } }, async (request, reply) => {
      const target = await targetFor(undefined);
      if (target === 'choose') {
        const locale = publicLocaleOf(request.query, 'nl');
        return html(reply, 200, renderChooser({ locale, organisations: await listReportableOrganisations(ctx) }));
      }
      return showForm(request, reply, target, emptyFormValues(), [], 200);
    });
    scope.post('/report', { config: postLimit, bodyLimit, schema: { hide: true } }, async (request, reply) => {
      const target = await targetFor(undefined);
      if (target === 'choose') throw new AppError('not_found', 'Choose an organisation first.');
      return submit(request, reply, target);
    });
    scope.get<{ Params: { orgSlug: string } }>('/report/:orgSlug', { config: getLimit, schema: { hide: true } }, async (request, reply) => {
      const target = await targetFor(request.params.orgSlug);
      if (target === 'choose') throw new AppError('not_found', 'No such organisation.');
      return showForm(request, reply, target, emptyFormValues(), [], 200);
    });
    scope.post<{ Params: { orgSlug: string } }>('/report/:orgSlug', { config: postLimit, bodyLimit, schema: { hide: true } }, async (request, reply) => {
      const target = await targetFor(request.params.orgSlug);
      if (target === 'choose') throw new AppError('not_found', 'No such organisation.');
      return submit(request, reply, target);
    });
    scope.get<{ Params: { token: string } }>('/report/processor/:token', { config: getLimit, schema: { hide: true } }, async (request, reply) =>
      showForm(request, reply, await processorTarget(request.params.token), emptyFormValues(), [], 200),
    );
    scope.post<{ Params: { token: string } }>('/report/processor/:token', { config: postLimit, bodyLimit, schema: { hide: true } }, async (request, reply) =>
      submit(request, reply, await processorTarget(request.params.token)),
    );
  });
}
