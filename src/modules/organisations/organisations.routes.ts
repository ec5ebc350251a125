import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { publicReportPageOf } from '../intake/index.ts';
import {
  addBrandBody,
  addProcessorBody,
  brandParams,
  brandResponse,
  organisationResponse,
  organisationWithReportPageResponse,
  processorEntryResponse,
  updateOrganisationBody,
} from './organisations.schemas.ts';
import { addBrand, addProcessor, getOrganisation, removeBrand, updateOrganisation } from './organisations.service.ts';

export function registerOrganisationRoutes(app: App, ctx: AppContext): void {
  const tags = ['organisation'];

  app.get(
    '/api/organisation',
    { schema: { tags, summary: 'The organisation of the signed-in user, with its brands, processors and public report page', response: { 200: organisationWithReportPageResponse } } },
    async (request) => {
      const actor = requireActor(request);
      const organisation = await getOrganisation(ctx, actor);
      return { ...organisation, ...(await publicReportPageOf(ctx, actor.orgId)) };
    },
  );

  app.patch(
    '/api/organisation',
    { schema: { tags, summary: 'Change the name or sector profile (admin)', body: updateOrganisationBody, response: { 200: organisationResponse } } },
    async (request) => updateOrganisation(ctx, requireActor(request), request.body),
  );

  app.post(
    '/api/organisation/brands',
    { schema: { tags, summary: 'Add a brand (admin)', body: addBrandBody, response: { 201: brandResponse } } },
    async (request, reply) => reply.status(201).send(await addBrand(ctx, requireActor(request), request.body)),
  );

  app.delete(
    '/api/organisation/brands/:id',
    { schema: { tags, summary: 'Remove a brand (admin)', params: brandParams } },
    async (request, reply) => {
      await removeBrand(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/organisation/processors',
    { schema: { tags, summary: 'Add a processor that works for this organisation (admin)', body: addProcessorBody, response: { 201: processorEntryResponse } } },
    async (request, reply) => reply.status(201).send(await addProcessor(ctx, requireActor(request), request.body)),
  );
}
