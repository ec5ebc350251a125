import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { z } from 'zod';
import { sampleAudience } from './campaign-audience.service.ts';
import { mayRunCampaigns } from './campaigns.policy.ts';
import { campaignParams } from './campaigns.schemas.ts';
import { channels } from './notifications.types.ts';

const sampleQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) });
const sampleView = z.object({ people: z.array(z.object({ id: z.string(), personKey: z.string(), channel: z.enum(channels) })) });

export function registerCampaignAudienceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/cases/:id/campaigns/:cid/audience',
    { schema: { tags: ['campaigns'], summary: 'The first people of the audience, by their dataset key, to choose one for a preview', params: campaignParams, querystring: sampleQuery, response: { 200: sampleView } } },
    async (request) => {
      const actor = requireActor(request);
      if (!mayRunCampaigns(actor)) throw notFound('resource');
      return { people: await sampleAudience(ctx, actor, request.params.id, request.params.cid, request.query.limit) };
    },
  );
}
