import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { AppError } from '../../shared/app-error.ts';
import { fileViewSchema } from './file-view.schemas.ts';
import { filesOf, installMultipartBody } from './multipart-body.ts';
import {
  createReportResponse,
  listReportsQuery,
  listReportsResponse,
  reportDetail,
  reportLinkParams,
  reportLinkResponse,
  reportParams,
  triageBody,
  triageResponse,
} from './reports.schemas.ts';
import { addReportFile, createProcessorReportLink, createReport, getReport, listReports } from './reports.service.ts';
import { triageReport } from './triage.service.ts';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  const tags = ['reports'];

  app.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Open a report: signed-in staff (internal), a processor account (processor) or an API token (api)',
        body: z.record(z.string(), z.unknown()).describe('See ReportInput: description, occurredAt, discoveredAt, ongoing, systems, dataCategories, personsMin, personsMax, dataEncrypted, reporter*, processorAwareAt.'),
        response: { 201: createReportResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createReport(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/reports',
    { schema: { tags, summary: 'The triage inbox: reports this user may see, newest first', querystring: listReportsQuery, response: { 200: listReportsResponse } } },
    async (request) => ({ reports: await listReports(ctx, requireActor(request), request.query) }),
  );

  app.get(
    '/api/reports/:id',
    { schema: { tags, summary: 'One report with its reporter and files (reading contact details is audited)', params: reportParams, response: { 200: reportDetail } } },
    async (request) => getReport(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/reports/:id/triage',
    { schema: { tags, summary: 'Turn a report into a case, attach it to one, or close it as not a personal data breach', params: reportParams, body: triageBody, response: { 200: triageResponse } } },
    async (request) => triageReport(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/organisation/processors/:linkId/report-link',
    { schema: { tags, summary: 'A signed link a processor uses to report without an account (admin, privacy officer)', params: reportLinkParams, response: { 201: reportLinkResponse } } },
    async (request, reply) => reply.status(201).send(await createProcessorReportLink(ctx, requireActor(request), request.params.linkId)),
  );

  void app.register(async (scope) => {
    installMultipartBody(scope, { fileBytes: ctx.config.MAX_UPLOAD_BYTES, files: 1 });
    scope.post<{ Params: { id: string } }>(
      '/api/reports/:id/files',
      { bodyLimit: ctx.config.MAX_UPLOAD_BYTES + 1024 * 1024, schema: { tags, summary: 'Attach a file to a report (multipart, field "file")', params: reportParams, response: { 201: fileViewSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const files = filesOf(request.body);
        const file = files[0];
        if (!file || files.length > 1) throw new AppError('validation_failed', 'Send exactly one file in the field "file".', { issues: [{ field: 'file', message: 'exactly one file' }] });
        if (file.truncated) throw new AppError('payload_too_large', `The file is larger than ${Math.floor(ctx.config.MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`);
        const stored = await addReportFile(ctx, actor, request.params.id, { name: file.name, contentType: file.contentType, source: Readable.from([file.data]) });
        return reply.status(201).send(stored);
      },
    );
  });
}
