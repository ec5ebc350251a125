import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { apiTokenListResponse, apiTokenParams, createApiTokenBody, createdApiTokenResponse } from './api-tokens.schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

export function registerApiTokenRoutes(app: App, ctx: AppContext): void {
  const tags = ['api tokens'];

  app.get(
    '/api/tokens',
    { schema: { tags, summary: 'The API tokens of the organisation, revoked ones included (admin)', response: { 200: apiTokenListResponse } } },
    async (request) => ({ tokens: await listApiTokens(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/tokens',
    { schema: { tags, summary: 'Create an API token for POST /api/reports; the token is shown only in this answer (admin)', body: createApiTokenBody, response: { 201: createdApiTokenResponse } } },
    async (request, reply) => reply.status(201).send(await createApiToken(ctx, requireActor(request), request.body)),
  );

  app.delete(
    '/api/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token (admin)', params: apiTokenParams } },
    async (request, reply) => {
      await revokeApiToken(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
