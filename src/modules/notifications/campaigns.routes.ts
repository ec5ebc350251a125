import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { mayRunCampaigns } from './campaigns.policy.ts';
import { campaignParams, campaignView, caseParams, createCampaignBody, previewQuery, previewView, progressView } from './campaigns.schemas.ts';
import {
  approveCampaign,
  cancelCampaign,
  createCampaign,
  getCampaign,
  getCampaignProgress,
  listCampaigns,
  pauseCampaign,
  previewCampaign,
  resumeCampaign,
  startCampaign,
} from './campaigns.service.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

function officer(request: FastifyRequest) {
  const actor = requireActor(request);
  if (!mayRunCampaigns(actor)) throw notFound('resource');
  return actor;
}

export function registerCampaignRoutes(app: App, ctx: AppContext): void {
  const tags = ['campaigns'];
  app.post('/api/cases/:id/campaigns', { schema: { tags, summary: 'Create a campaign to inform the people affected (its message must pass the art. 34(2) check)', params: caseParams, body: createCampaignBody, response: { 201: campaignView } } }, async (request, reply) => {
    const campaign = await createCampaign(ctx, officer(request), request.params.id, request.body);
    return reply.code(201).send(campaign);
  });
  app.get('/api/cases/:id/campaigns', { schema: { tags, summary: 'Campaigns of a case', params: caseParams, response: { 200: z.object({ campaigns: z.array(campaignView) }) } } }, async (request) => ({
    campaigns: await listCampaigns(ctx, officer(request), request.params.id),
  }));
  app.get('/api/cases/:id/campaigns/:cid', { schema: { tags, summary: 'One campaign', params: campaignParams, response: { 200: campaignView } } }, async (request) =>
    getCampaign(ctx, officer(request), request.params.id, request.params.cid),
  );
  app.get('/api/cases/:id/campaigns/:cid/preview', { schema: { tags, summary: 'The message as one person will receive it', params: campaignParams, querystring: previewQuery, response: { 200: previewView } } }, async (request) =>
    previewCampaign(ctx, officer(request), request.params.id, request.params.cid, request.query.personId),
  );
  app.get('/api/cases/:id/campaigns/:cid/progress', { schema: { tags, summary: 'Counts per status and channel, rate and time left', params: campaignParams, response: { 200: progressView } } }, async (request) =>
    getCampaignProgress(ctx, officer(request), request.params.id, request.params.cid),
  );
  const actions = { approve: approveCampaign, start: startCampaign, pause: pauseCampaign, resume: resumeCampaign, cancel: cancelCampaign } as const;
  for (const [action, run] of Object.entries(actions)) {
    app.post(`/api/cases/:id/campaigns/:cid/${action}`, { schema: { tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a campaign`, params: campaignParams, response: { 200: campaignView } } }, async (request) =>
      run(ctx, officer(request), request.params.id, request.params.cid),
    );
  }
}
