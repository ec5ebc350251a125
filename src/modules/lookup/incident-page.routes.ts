import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { caseParams, incidentPageBody, incidentPageView } from './incident-page.schemas.ts';
import { getIncidentPage, saveIncidentPage, setIncidentPagePublished } from './incident-page.service.ts';

const tags = ['incident page'];

export function registerIncidentPageRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/cases/:id/incident-page',
    { schema: { tags, summary: 'The public incident page of a case (privacy officer, admin)', params: caseParams, response: { 200: incidentPageView } } },
    async (request) => getIncidentPage(ctx, requireActor(request), request.params.id),
  );
  app.put(
    '/api/cases/:id/incident-page',
    {
      schema: {
        tags,
        summary: 'Create or change the public incident page of a case: address, texts in Dutch and English, the reply to people not affected',
        params: caseParams,
        body: incidentPageBody,
        response: { 200: incidentPageView },
      },
    },
    async (request) => saveIncidentPage(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/incident-page/publish',
    { schema: { tags, summary: 'Publish the incident page: the public can read it and look themselves up', params: caseParams, response: { 200: incidentPageView } } },
    async (request) => setIncidentPagePublished(ctx, requireActor(request), request.params.id, true),
  );
  app.post(
    '/api/cases/:id/incident-page/unpublish',
    { schema: { tags, summary: 'Take the incident page offline', params: caseParams, response: { 200: incidentPageView } } },
    async (request) => setIncidentPagePublished(ctx, requireActor(request), request.params.id, false),
  );
}
