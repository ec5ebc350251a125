import multipart from '@fastify/multipart';
import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  affectedPeopleQuery,
  affectedPeopleResponse,
  analysisDetailSchema,
  analysisParams,
  analysisSummarySchema,
  applyResponse,
  caseParams,
  columnOverridesBody,
  listAnalysesResponse,
} from './analyses.schemas.ts';
import {
  applyAnalysisToFacts,
  cancelAnalysis,
  getAnalysis,
  listAnalyses,
  listCaseAffectedPeople,
  rerunWithColumns,
  unreadableRowsCsv,
  uploadDataset,
} from './analyses.service.ts';

const tags = ['impact'];

export function registerAnalysesRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scope) => {
    // One byte over the limit lets the file store see that the dataset is too large and refuse it.
    await scope.register(multipart, { limits: { fileSize: ctx.config.DATASET_MAX_BYTES + 1, files: 1, fields: 10 } });
    scope.post<{ Params: { id: string } }>(
      '/api/cases/:id/datasets',
      {
        bodyLimit: ctx.config.DATASET_MAX_BYTES + 1024 * 1024,
        schema: { tags, summary: 'Upload the breached dataset (multipart, field "file") and queue its analysis', params: caseParams, response: { 201: analysisSummarySchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the dataset as multipart/form-data in the field "file".');
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          throw new AppError('validation_failed', 'Send the dataset in the field "file".', { issues: [{ field: 'file', message: 'required' }] });
        }
        return reply.status(201).send(await uploadDataset(ctx, actor, request.params.id, { name: part.filename, source: part.file, contentType: part.mimetype }));
      },
    );
  });

  app.get(
    '/api/cases/:id/analyses',
    { schema: { tags, summary: 'The analyses of a case, newest first, with status and progress', params: caseParams, response: { 200: listAnalysesResponse } } },
    async (request) => ({ analyses: await listAnalyses(ctx, requireActor(request), request.params.id) }),
  );
  app.get(
    '/api/cases/:id/analyses/:aid',
    { schema: { tags, summary: 'One analysis with its result: columns and totals, masked examples only', params: analysisParams, response: { 200: analysisDetailSchema } } },
    async (request) => getAnalysis(ctx, requireActor(request), request.params.id, request.params.aid),
  );
  app.post(
    '/api/cases/:id/analyses/:aid/cancel',
    { schema: { tags, summary: 'Cancel a queued or running analysis', params: analysisParams, response: { 200: analysisSummarySchema } } },
    async (request) => cancelAnalysis(ctx, requireActor(request), request.params.id, request.params.aid),
  );
  app.put(
    '/api/cases/:id/analyses/:aid/columns',
    { schema: { tags, summary: 'Correct column categories and run the analysis again', params: analysisParams, body: columnOverridesBody, response: { 201: analysisSummarySchema } } },
    async (request, reply) => reply.status(201).send(await rerunWithColumns(ctx, requireActor(request), request.params.id, request.params.aid, request.body)),
  );
  app.get(
    '/api/cases/:id/analyses/:aid/unreadable.csv',
    { schema: { tags, summary: 'The rows that could not be read: line number and reason', params: analysisParams } },
    async (request, reply) => {
      const csv = await unreadableRowsCsv(ctx, requireActor(request), request.params.id, request.params.aid);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="unreadable-rows.csv"').send(csv);
    },
  );
  app.post(
    '/api/cases/:id/analyses/:aid/apply',
    { schema: { tags, summary: 'Fill the case facts from the analysis, naming it as their source', params: analysisParams, response: { 200: applyResponse } } },
    async (request) => applyAnalysisToFacts(ctx, requireActor(request), request.params.id, request.params.aid),
  );
  app.get(
    '/api/cases/:id/affected-people',
    {
      schema: {
        tags,
        summary: 'The people of the latest analysis; contact details masked unless an officer asks (audited)',
        params: caseParams,
        querystring: affectedPeopleQuery,
        response: { 200: affectedPeopleResponse },
      },
    },
    async (request) => listCaseAffectedPeople(ctx, requireActor(request), request.params.id, request.query),
  );
}
