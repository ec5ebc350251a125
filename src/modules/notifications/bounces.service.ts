import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { auditActorOf } from '../api-tokens/index.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { messageIdDomain, toCampaign } from './campaign-row.ts';
import { findOutboxRowByKey, updateOutboxRowFrom } from './campaign-files.repository.ts';
import { bounceBody, type BounceView } from './campaign-files.schemas.ts';
import { fallbackRowFor } from './fallback-row.ts';
import { findAudienceRow, findCampaignRow, findCampaignRowById, insertOutboxRows, updateCampaignFrom } from './notifications.repository.ts';
import { channels, type Channel, type OutboxState } from './notifications.types.ts';
import { enqueueCampaignSending } from './send-campaign.job.ts';

export type BounceDeps = Pick<AppContext, 'db' | 'config' | 'clock'>;

export interface MessageKey {
  campaignId: string;
  personId: string;
  channel: Channel;
}

const messageIdPattern = new RegExp(`^<?([^.<>@\\s]+)\\.([^.<>@\\s]+)\\.(${channels.join('|')})@([^<>@\\s]+)>?$`);

/** The outbox key spelled out by a deterministic Message-ID `<campaign.person.channel@domain>`, or null. */
export function parseMessageId(messageId: string): MessageKey | null {
  const match = messageIdPattern.exec(messageId.trim());
  if (!match) return null;
  return { campaignId: match[1]!, personId: match[2]!, channel: match[3] as Channel };
}

/** Only a message that went out can bounce afterwards; one being sent now is answered once its outcome is known. */
const bounceable: readonly OutboxState[] = ['accepted', 'unknown'];

/**
 * Records a delivery status notification for one message. A permanent failure (5.x.x) of a message that
 * went out marks it bounced and queues the person's next channel, as a refusal during sending would; a
 * success (2.x.x) settles a message whose fate was unknown; a delay (4.x.x) changes nothing, since the
 * receiving server keeps trying. Repeating a notice changes nothing more.
 */
export async function recordBounce(deps: BounceDeps, actor: Actor, input: unknown): Promise<BounceView> {
  return applyBounce(deps, { orgId: actor.orgId, auditActor: auditActorOf(actor) }, input);
}

/**
 * Who reports a notice: an organisation's token reaches only that organisation's messages; the server's
 * operator (`breachdesk bounces import`) reaches any, as it can read the database anyway.
 */
export interface BounceSource {
  orgId: string | null;
  auditActor: AuditInput['actor'];
}

export async function applyBounce(deps: BounceDeps, source: BounceSource, input: unknown): Promise<BounceView> {
  const parsed = bounceBody.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('validation_failed', `The bounce notice is invalid: ${issues.map((i) => i.field).join(', ')}.`, { issues });
  }
  const notice = parsed.data;
  const key = parseMessageId(notice.messageId);
  if (!key) throw new AppError('validation_failed', 'messageId is not a Message-ID that Breachdesk sent.', { issues: [{ field: 'messageId', message: 'expected <campaign.person.channel@domain>' }] });
  const campaignRow = source.orgId ? await findCampaignRow(deps.db, source.orgId, key.campaignId) : await findCampaignRowById(deps.db, key.campaignId);
  if (!campaignRow) throw notFound('message');
  const campaign = toCampaign(campaignRow);
  const response = `DSN ${notice.status} ${notice.reason}`.trim().slice(0, 500);
  const statusClass = notice.status[0];

  return deps.db.transaction().execute(async (tx) => {
    const row = await findOutboxRowByKey(tx, key.campaignId, key.personId, key.channel);
    if (!row || row.message_id !== `<${notice.messageId.trim().replace(/^<|>$/g, '')}>`) throw notFound('message');
    const now = deps.clock.now().toISOString();
    const unchanged: BounceView = { reference: row.id, outcome: 'unchanged', state: row.state, fallbackChannel: null };
    if (row.state === 'claimed') throw new AppError('conflict', 'This message is being sent right now; send the notice again in a few minutes.');

    if (statusClass === '2') {
      if (!(await updateOutboxRowFrom(tx, row.id, ['unknown'], { state: 'accepted', last_response: response, updated_at: now }))) return unchanged;
      await recordAuditEvent(tx, deps.clock, { orgId: campaign.orgId, actor: source.auditActor, action: 'outbox.delivered', subjectType: 'outbox', subjectId: row.id, caseId: campaign.caseId, details: { status: notice.status } });
      return { reference: row.id, outcome: 'accepted', state: 'accepted', fallbackChannel: null };
    }
    if (statusClass !== '5' || !bounceable.includes(row.state)) return unchanged;

    const audience = await findAudienceRow(tx, row.affected_person_id);
    const fallback = audience ? fallbackRowFor(row, audience, campaign, messageIdDomain(deps), now) : null;
    const state = fallback ? 'fallen_back' : 'bounced';
    // The conditional update is what makes a repeated or concurrent notice a no-op.
    if (!(await updateOutboxRowFrom(tx, row.id, bounceable, { state, last_response: response, updated_at: now }))) return unchanged;
    if (fallback) {
      await insertOutboxRows(tx, [fallback]);
      // A finished campaign has no sending job left: reopen it for a channel that a worker can send.
      const sentByWorker = fallback.channel === 'email' || (fallback.channel === 'sms' && deps.config.SMS_GATEWAY_URL !== '');
      if (sentByWorker && (await updateCampaignFrom(tx, campaign.id, ['completed'], { state: 'running', finished_at: null, updated_at: now }))) {
        await enqueueCampaignSending(tx, campaign.id, { now: deps.clock.now() });
      }
    }
    await recordAuditEvent(tx, deps.clock, {
      orgId: campaign.orgId,
      actor: source.auditActor,
      action: 'outbox.bounced',
      subjectType: 'outbox',
      subjectId: row.id,
      caseId: campaign.caseId,
      details: { status: notice.status, fallbackChannel: fallback?.channel ?? null },
    });
    return { reference: row.id, outcome: state, state, fallbackChannel: fallback?.channel ?? null };
  });
}
