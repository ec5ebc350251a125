import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { caseParams, contactBody, createDraftBody, draftParams, draftViewSchema, listDraftsResponse, submittedBody } from './regulator.schemas.ts';
import { createDraft, exportDraftPdf, getContact, getDraft, listDrafts, recordSubmission, updateContact } from './regulator.service.ts';

const tags = ['regulator'];

export function registerRegulatorRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/cases/:id/regulator/drafts',
    {
      schema: {
        tags,
        summary: "Draft a notification to the authority from the case: every section of the AP's form (or the CSIRT's texts), missing answers marked",
        params: caseParams,
        body: createDraftBody,
        response: { 201: draftViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createDraft(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/cases/:id/regulator/drafts',
    { schema: { tags, summary: 'The notification drafts of a case, newest first', params: caseParams, response: { 200: listDraftsResponse } } },
    async (request) => ({ drafts: await listDrafts(ctx, requireActor(request), request.params.id) }),
  );
  app.get(
    '/api/cases/:id/regulator/drafts/:draftId',
    { schema: { tags, summary: 'One notification draft', params: draftParams, response: { 200: draftViewSchema } } },
    async (request) => getDraft(ctx, requireActor(request), request.params.id, request.params.draftId),
  );
  app.get(
    '/api/cases/:id/regulator/drafts/:draftId/pdf',
    {
      schema: {
        tags,
        summary: 'One notification draft as a printable PDF, missing answers highlighted',
        params: draftParams,
        querystring: z.object({ locale: z.enum(['nl', 'en']).optional() }),
      },
    },
    async (request, reply) => {
      const file = await exportDraftPdf(ctx, requireActor(request), request.params.id, request.params.draftId, request.query.locale);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  );
  app.post(
    '/api/cases/:id/regulator/drafts/:draftId/submitted',
    {
      schema: {
        tags,
        summary: "Record when the draft was submitted and the authority's reference; also records the notification on the case",
        params: draftParams,
        body: submittedBody,
        response: { 200: draftViewSchema },
      },
    },
    async (request) => recordSubmission(ctx, requireActor(request), request.params.id, request.params.draftId, request.body),
  );
  app.get(
    '/api/regulator/contact',
    { schema: { tags, summary: 'The contact point the authority is given (DPO or other)', response: { 200: contactBody } } },
    async (request) => getContact(ctx, requireActor(request)),
  );
  app.put(
    '/api/regulator/contact',
    { schema: { tags, summary: 'Change the contact point the authority is given (privacy officer, admin)', body: contactBody, response: { 200: contactBody } } },
    async (request) => updateContact(ctx, requireActor(request), request.body),
  );
}
