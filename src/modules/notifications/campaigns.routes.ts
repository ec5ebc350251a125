import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { mayExportCampaignFiles, mayReportBounces, mayRunCampaigns } from './campaigns.policy.ts';
import { bounceBody, bounceView, lettersPrintedBody, lettersPrintedView, lettersQuery, reportQuery, testSendBody, testSendView } from './campaign-files.schemas.ts';
import { exportDeliveryReportCsv, exportDeliveryReportPdf, exportLettersCsv, exportLettersPdf, markLettersPrinted, sendTestMessage, type ExportFile } from './campaign-files.service.ts';
import { recordBounce } from './bounces.service.ts';
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
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

function officer(request: FastifyRequest) {
  const actor = requireActor(request);
  if (!mayRunCampaigns(actor)) throw notFound('resource');
  return actor;
}

function exporter(request: FastifyRequest) {
  const actor = requireActor(request);
  if (!mayExportCampaignFiles(actor)) throw notFound('resource');
  return actor;
}

function download(reply: FastifyReply, file: ExportFile, type: string) {
  return reply.type(type).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
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

  const files = `/api/cases/:id/campaigns/:cid`;
  app.get(`${files}/letters.pdf`, { schema: { tags, summary: 'The next batch of letters not yet printed: one A4 page each, the address in the window of a Dutch window envelope (audited)', params: campaignParams, querystring: lettersQuery } }, async (request, reply) =>
    download(reply, await exportLettersPdf(ctx, exporter(request), request.params.id, request.params.cid, request.query.limit), 'application/pdf'),
  );
  app.get(`${files}/letters.csv`, { schema: { tags, summary: 'The same batch for a mail house: reference, name, address lines, postcode, city, country, language (audited)', params: campaignParams, querystring: lettersQuery } }, async (request, reply) =>
    download(reply, await exportLettersCsv(ctx, exporter(request), request.params.id, request.params.cid, request.query.limit), 'text/csv; charset=utf-8'),
  );
  app.post(`${files}/letters/printed`, { schema: { tags, summary: 'Mark letters as handed to the printer, by the references of letters.csv; ones marked before are listed', params: campaignParams, body: lettersPrintedBody, response: { 200: lettersPrintedView } } }, async (request) =>
    markLettersPrinted(ctx, exporter(request), request.params.id, request.params.cid, request.body),
  );
  app.get(`${files}/report.pdf`, { schema: { tags, summary: 'Delivery report for the regulator file: counts per channel and status, timeline, failures with reasons (audited)', params: campaignParams } }, async (request, reply) =>
    download(reply, await exportDeliveryReportPdf(ctx, exporter(request), request.params.id, request.params.cid), 'application/pdf'),
  );
  app.get(`${files}/report.csv`, { schema: { tags, summary: 'Delivery report as CSV; failures by outbox reference, with contact details only on ?contact=yes (audited)', params: campaignParams, querystring: reportQuery } }, async (request, reply) =>
    download(reply, await exportDeliveryReportCsv(ctx, exporter(request), request.params.id, request.params.cid, { withContact: request.query.contact === 'yes' }), 'text/csv; charset=utf-8'),
  );
  app.post(`${files}/test-send`, { schema: { tags, summary: 'Send the message, as one person (or an example person) would receive it, to your own e-mail address, marked as a test', params: campaignParams, body: testSendBody, response: { 200: testSendView } } }, async (request) =>
    sendTestMessage(ctx, officer(request), request.params.id, request.params.cid, request.body),
  );
  app.post('/api/bounces', { schema: { tags, summary: 'A delivery status notice for a campaign message {messageId, status, reason}, posted with an API token (Authorization: Bearer); idempotent', body: bounceBody, response: { 200: bounceView } } }, async (request) => {
    const actor = requireActor(request);
    if (!mayReportBounces(actor)) throw notFound('resource');
    return recordBounce(ctx, actor, request.body);
  });
}
