import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { readAffectedPerson } from '../affected-people/index.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { checkArt34Message } from '../messages-check/index.ts';
import { createComposer } from './compose-message.ts';
import { messageIdDomain, toCampaign } from './campaign-row.ts';
import { enqueueCampaignSending } from './send-campaign.job.ts';
import { createCampaignBody, type CreateCampaignInput, type ProgressView } from './campaigns.schemas.ts';
import {
  countOutbox,
  countSentSince,
  findCampaignRow,
  findCaseReference,
  insertCampaign,
  insertOutboxRows,
  listCampaignRows,
  pageAudience,
  updateCampaignFrom,
} from './notifications.repository.ts';
import type { Campaign, CampaignState, CampaignTable, Channel, OutboxState, OutboxTable, Templates } from './notifications.types.ts';
import { channelsFor, messageIdFor } from './recipient-routing.ts';
import { smsText } from './sms-gateway.ts';
import { describeExposedData } from './exposed-data-phrases.ts';

export type NotificationDeps = Pick<AppContext, 'db' | 'config' | 'clock'>;

/** Both language versions must pass the Art. 34(2) check; the failing items are returned as field issues. */
export function checkTemplates(templates: Templates): void {
  const issues: Array<{ field: string; message: string }> = [];
  for (const language of ['nl', 'en'] as const) {
    const check = checkArt34Message({ ...templates[language], locale: language });
    for (const item of check.items.filter((i) => !i.passed)) issues.push({ field: `templates.${language}`, message: item.reason.en });
  }
  if (issues.length > 0) throw new AppError('validation_failed', 'The message does not meet GDPR art. 34(2); see the items that fail.', { issues });
}

async function loadCampaignFor(db: DbOrTx, actor: Actor, caseId: string, id: string): Promise<CampaignTable> {
  const row = await findCampaignRow(db, actor.orgId, id);
  if (!row || row.case_id !== caseId) throw notFound('campaign');
  return row;
}

export async function createCampaign(deps: NotificationDeps, actor: Actor, caseId: string, input: CreateCampaignInput): Promise<Campaign> {
  const data = createCampaignBody.parse(input);
  if (!(await findCaseReference(deps.db, actor.orgId, caseId))) throw notFound('case');
  checkTemplates(data.templates);
  const now = deps.clock.now().toISOString();
  const row: CampaignTable = {
    id: newId(),
    org_id: actor.orgId,
    case_id: caseId,
    brand: data.brand,
    name: data.name,
    state: 'draft',
    audience_sets: JSON.stringify(data.audienceSets),
    channel_order: JSON.stringify(data.channelOrder),
    elderly_route: data.elderlyRoute,
    templates: JSON.stringify(data.templates),
    contact: data.contact,
    organisation: data.organisation,
    url: data.url,
    created_by: actor.userId,
    approved_by: null,
    approved_at: null,
    started_at: null,
    finished_at: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertCampaign(tx, row);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'campaign.created', subjectType: 'campaign', subjectId: row.id, caseId, details: { brand: row.brand, sets: data.audienceSets } });
  });
  return toCampaign(row);
}

export async function listCampaigns(deps: NotificationDeps, actor: Actor, caseId: string): Promise<Campaign[]> {
  // Another organisation's case answers like a missing one.
  if (!(await findCaseReference(deps.db, actor.orgId, caseId))) throw notFound('case');
  return (await listCampaignRows(deps.db, actor.orgId, caseId)).map(toCampaign);
}

export async function getCampaign(deps: NotificationDeps, actor: Actor, caseId: string, id: string): Promise<Campaign> {
  return toCampaign(await loadCampaignFor(deps.db, actor, caseId, id));
}

async function transition(deps: NotificationDeps, actor: Actor, caseId: string, id: string, from: CampaignState[], to: CampaignState, extra: Partial<CampaignTable> = {}): Promise<Campaign> {
  const sends = to === 'running';
  const row = await loadCampaignFor(deps.db, actor, caseId, id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const changed = await updateCampaignFrom(tx, id, from, { state: to, updated_at: now, ...extra });
    if (!changed) throw new AppError('invalid_transition', `A campaign that is ${row.state} cannot become ${to}.`);
    // The sending job exists if and only if the campaign is running: both commit together.
    if (sends) await enqueueCampaignSending(tx, id, { now: deps.clock.now() });
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: `campaign.${to}`, subjectType: 'campaign', subjectId: id, caseId, details: { from: row.state } });
  });
  return getCampaign(deps, actor, caseId, id);
}

/** The four-eyes rule: whoever wrote the campaign cannot be the one who lets it go out. */
export async function approveCampaign(deps: NotificationDeps, actor: Actor, caseId: string, id: string): Promise<Campaign> {
  const row = await loadCampaignFor(deps.db, actor, caseId, id);
  if (row.created_by === actor.userId) throw new AppError('conflict', 'A second officer must approve this campaign: its author cannot.');
  checkTemplates(JSON.parse(row.templates) as Templates);
  return transition(deps, actor, caseId, id, ['draft'], 'approved', { approved_by: actor.userId, approved_at: deps.clock.now().toISOString() });
}

/**
 * Fills the outbox with one row per person on their first channel, in pages so that millions fit in memory.
 * Safe to repeat: a person already in the outbox for a channel is not added again.
 */
export async function seedOutbox(deps: Pick<AppContext, 'db' | 'clock' | 'config'>, campaign: Campaign): Promise<number> {
  const domain = messageIdDomain(deps);
  let afterId: string | null = null;
  let total = 0;
  for (;;) {
    const page = await pageAudience(deps.db, campaign.caseId, campaign.audienceSets, afterId, 2000);
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    const now = deps.clock.now().toISOString();
    const rows: OutboxTable[] = [];
    for (const person of page) {
      const first = channelsFor({ hasEmail: person.has_email === 1, hasMobile: person.has_mobile === 1, hasAddress: person.has_address === 1, vulnerable: JSON.parse(person.vulnerable) as string[] }, campaign.channelOrder, campaign.elderlyRoute)[0];
      // Nobody is silently left out: without any channel the person lands on the phone list for follow-up.
      const channel: Channel = first ?? 'phone';
      rows.push({
        id: newId(),
        campaign_id: campaign.id,
        affected_person_id: person.id,
        channel,
        state: 'pending',
        message_id: messageIdFor(campaign.id, person.id, channel, domain),
        attempts: 0,
        claims: 0,
        locked_by: null,
        locked_until: null,
        next_attempt_at: now,
        last_response: null,
        sent_at: null,
        created_at: now,
        updated_at: now,
      });
    }
    await deps.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 400) await insertOutboxRows(tx, rows.slice(i, i + 400));
    });
    total += rows.length;
  }
  return total;
}

export async function startCampaign(deps: NotificationDeps, actor: Actor, caseId: string, id: string): Promise<Campaign> {
  const row = await loadCampaignFor(deps.db, actor, caseId, id);
  if (row.state !== 'approved') throw new AppError('invalid_transition', row.state === 'draft' ? 'A second officer must approve this campaign before it starts.' : `A campaign that is ${row.state} cannot start.`);
  const startedAt = deps.clock.now().toISOString();
  await seedOutbox(deps, { ...toCampaign(row), startedAt });
  return transition(deps, actor, caseId, id, ['approved'], 'running', { started_at: startedAt });
}

export const pauseCampaign = (deps: NotificationDeps, actor: Actor, caseId: string, id: string) => transition(deps, actor, caseId, id, ['running'], 'paused');
export const resumeCampaign = (deps: NotificationDeps, actor: Actor, caseId: string, id: string) => transition(deps, actor, caseId, id, ['paused'], 'running');
export const cancelCampaign = (deps: NotificationDeps, actor: Actor, caseId: string, id: string) => transition(deps, actor, caseId, id, ['draft', 'approved', 'running', 'paused'], 'cancelled');

/** The message exactly as one person will receive it on their first channel. */
export async function previewCampaign(deps: NotificationDeps, actor: Actor, caseId: string, id: string, personId: string) {
  const campaign = toCampaign(await loadCampaignFor(deps.db, actor, caseId, id));
  const reference = (await findCaseReference(deps.db, actor.orgId, caseId))!;
  const person = await readAffectedPerson(deps.db, deps, { orgId: actor.orgId, caseId }, personId);
  if (!person) throw notFound('person');
  const channel =
    channelsFor({ hasEmail: !!person.contact.email, hasMobile: !!person.contact.mobile, hasAddress: !!person.contact.address, vulnerable: person.vulnerable }, campaign.channelOrder, campaign.elderlyRoute)[0] ?? null;
  await deps.db.transaction().execute((tx) =>
    recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'campaign.previewed', subjectType: 'campaign', subjectId: id, caseId, details: { personId } }),
  );
  if (channel === 'sms') {
    const text = smsText(person.language, campaign.organisation, describeExposedData(person.categories, person.language), campaign.url, reference);
    return { channel, subject: '', text, html: '' };
  }
  const message = createComposer(campaign).compose({ id: person.id, language: person.language, categories: person.categories, name: person.contact.name }, reference);
  return { channel, ...message };
}

const finalStates: ReadonlySet<OutboxState> = new Set(['accepted', 'unknown', 'bounced', 'fallen_back']);

/** Counts per status and channel, with the rate over the last minute and the time left at that rate. */
export async function campaignProgress(deps: Pick<AppContext, 'db' | 'clock'>, campaign: Campaign): Promise<ProgressView> {
  const counts = await countOutbox(deps.db, campaign.id);
  const byStatus = Object.fromEntries(['pending', 'claimed', 'accepted', 'unknown', 'deferred', 'bounced', 'fallen_back'].map((s) => [s, 0])) as Record<OutboxState, number>;
  const byChannel: Record<string, Record<string, number>> = {};
  let claimedTwice = 0;
  for (const c of counts) {
    byStatus[c.state] += c.count;
    (byChannel[c.channel] ??= {})[c.state] = c.count;
    claimedTwice += c.claimed_twice;
  }
  // A fallen-back row is not a person: the person is counted on the channel that took over.
  const total = counts.filter((c) => c.state !== 'fallen_back').reduce((n, c) => n + c.count, 0);
  const sent = byStatus.accepted + byStatus.unknown;
  const pending = counts.filter((c) => !finalStates.has(c.state)).reduce((n, c) => n + c.count, 0);
  const now = deps.clock.now();
  const windowStart = new Date(now.getTime() - 60_000);
  const since = campaign.startedAt && campaign.startedAt > windowStart.toISOString() ? campaign.startedAt : windowStart.toISOString();
  const seconds = Math.max(1, (now.getTime() - Date.parse(since)) / 1000);
  const ratePerSecond = Math.round((await countSentSince(deps.db, campaign.id, since)) / seconds);
  return {
    campaignId: campaign.id,
    state: campaign.state,
    total,
    byStatus,
    byChannel,
    sent,
    pending,
    failed: byStatus.bounced,
    claimedTwice,
    ratePerSecond,
    secondsLeft: pending === 0 ? 0 : ratePerSecond > 0 ? Math.ceil(pending / ratePerSecond) : null,
  };
}

export async function getCampaignProgress(deps: NotificationDeps, actor: Actor, caseId: string, id: string): Promise<ProgressView> {
  return campaignProgress(deps, toCampaign(await loadCampaignFor(deps.db, actor, caseId, id)));
}
