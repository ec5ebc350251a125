import os from 'node:os';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { defineJob, skipJob } from '../../jobs/job-definition.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { createMailerChannel, createSmtpChannel, type EmailChannel } from './email-channel.ts';
import { findCampaignRowById, findCaseReference, nextDueAt, updateCampaignFrom } from './notifications.repository.ts';
import { dkimFromConfig } from './dkim-config.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createSmsGatewayFromConfig } from './sms-gateway-config.ts';
import { defaultWarmUp } from './recipient-routing.ts';
import { messageIdDomain, toCampaign } from './campaign-row.ts';

/** One job sends for at most this long, then hands over to the next: a graceful stop waits no longer. */
const sliceMs = 30_000;

/** How often a sending job looks whether its campaign was paused or cancelled meanwhile. */
const stateCheckMs = 2_000;

export const sendCampaignJob = defineJob({
  name: 'send-campaign',
  // A job without a lane was queued by starting or resuming the campaign: it opens the other lanes.
  payload: z.object({ campaignId: z.string(), lane: z.number().int().min(0).optional() }),
  maxAttempts: 20,
  async handle(payload, ctx) {
    const row = await findCampaignRowById(ctx.db, payload.campaignId);
    if (!row) return skipJob('campaign gone');
    if (row.state !== 'running') return skipJob(`campaign is ${row.state}`);
    if (payload.lane === undefined) await openLanes(ctx, payload.campaignId, ctx.config.CAMPAIGN_SEND_JOBS);
    const lane = payload.lane ?? 0;
    const campaign = toCampaign(row);
    const reference = (await findCaseReference(ctx.db, row.org_id, row.case_id)) ?? row.case_id;
    const dataKey = await getOrCreateDataKey(ctx.db, ctx, row.org_id, row.case_id);
    const email: EmailChannel = ctx.config.MAIL_URL
      ? createSmtpChannel({
          url: ctx.config.MAIL_URL,
          from: ctx.config.MAIL_FROM,
          maxConnections: ctx.config.MAIL_MAX_CONNECTIONS,
          maxMessages: ctx.config.MAIL_MAX_MESSAGES,
          dkim: dkimFromConfig(ctx.config),
        })
      : createMailerChannel(ctx.mailer, row.org_id);
    const sender = createOutboxSender({
      database: ctx.database,
      clock: ctx.clock,
      campaign,
      caseReference: reference,
      dataKey: dataKey.key,
      email,
      sms: createSmsGatewayFromConfig(ctx.config),
      messageIdDomain: messageIdDomain(ctx),
      workerId: `${os.hostname()}:${process.pid}:${ctx.job.id}`,
      batchesInFlight: 2,
      // The warm-up schedule is the campaign's: the lanes share it.
      warmUp: defaultWarmUp.map((step) => ({ ...step, perSecond: step.perSecond / ctx.config.CAMPAIGN_SEND_JOBS })),
    });
    const until = Date.now() + sliceMs;
    let running = true;
    const watch = setInterval(() => {
      findCampaignRowById(ctx.db, payload.campaignId).then(
        (current) => (running = current?.state === 'running'),
        () => undefined,
      );
    }, stateCheckMs);
    try {
      await sender.run(() => !running || Date.now() > until);
    } finally {
      clearInterval(watch);
      await email.close();
    }
    await continueOrComplete(ctx, payload.campaignId, lane);
  },
});

/** The other lanes of a campaign: separate jobs, so that other worker processes take part in the sending. */
async function openLanes(ctx: AppContext, campaignId: string, lanes: number): Promise<void> {
  const now = ctx.clock.now();
  for (let lane = 1; lane < lanes; lane += 1) await enqueueJob(ctx.db, sendCampaignJob, { campaignId, lane }, { now });
}

async function continueOrComplete(ctx: AppContext, campaignId: string, lane: number): Promise<void> {
  const row = await findCampaignRowById(ctx.db, campaignId);
  if (!row || row.state !== 'running') return;
  const next = await nextDueAt(ctx.db, campaignId);
  const now = ctx.clock.now();
  if (next === null) {
    await updateCampaignFrom(ctx.db, campaignId, ['running'], { state: 'completed', finished_at: now.toISOString(), updated_at: now.toISOString() });
    return;
  }
  const runAt = new Date(Math.max(now.getTime(), Date.parse(next)));
  await enqueueJob(ctx.db, sendCampaignJob, { campaignId, lane }, { runAt, now });
}

/** Queues the first job of a campaign that starts or resumes; it opens the other lanes when it runs. */
export function enqueueCampaignSending(db: DbOrTx, campaignId: string, options: { runAt?: Date; now?: Date } = {}): Promise<string> {
  return enqueueJob(db, sendCampaignJob, { campaignId }, options);
}
