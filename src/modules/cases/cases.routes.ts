import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { caseDetailResponse, caseParams, listCasesResponse } from './cases.schemas.ts';
import { getCase, listCases } from './cases.service.ts';

export function registerCaseRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/cases',
    { schema: { tags: ['cases'], summary: "The organisation's cases, newest first", response: { 200: listCasesResponse } } },
    async (request) => ({ cases: await listCases(ctx, requireActor(request)) }),
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags: ['cases'], summary: 'One case', params: caseParams, response: { 200: caseDetailResponse } } },
    async (request) => getCase(ctx, requireActor(request), request.params.id),
  );
}
