import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { assessBody, assessmentRecordSchema, caseAssessmentResponse, caseParams, decideBody, decisionReportSchema } from './assessment.schemas.ts';
import { assessGivenFacts, decideCaseAssessment, getCaseAssessment } from './assessment.service.ts';

const tags = ['risk'];

export function registerRiskRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/assess',
    {
      schema: {
        tags,
        summary: 'Assess case facts (docs/case-facts.md) and answer the decision as `breachdesk assess` prints it',
        body: assessBody,
        response: { 200: decisionReportSchema },
      },
    },
    async (request) => assessGivenFacts(requireActor(request), request.body),
  );
  app.get(
    '/api/cases/:id/assessment',
    {
      schema: {
        tags,
        summary: "The decision the case's current facts lead to (or the facts still missing), the decision in force and the history",
        params: caseParams,
        response: { 200: caseAssessmentResponse },
      },
    },
    async (request) => getCaseAssessment(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/api/cases/:id/assessment',
    {
      schema: {
        tags,
        summary: 'Record the risk decision; an outcome other than the computed one needs a justification (privacy officer, admin)',
        params: caseParams,
        body: decideBody,
        response: { 201: assessmentRecordSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await decideCaseAssessment(ctx, requireActor(request), request.params.id, request.body)),
  );
}
