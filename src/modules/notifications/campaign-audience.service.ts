import type { Actor } from '../../http/actor.ts';
import { getCampaign, type NotificationDeps } from './campaigns.service.ts';
import { pageAudience } from './notifications.repository.ts';
import type { Channel } from './notifications.types.ts';
import { channelsFor } from './recipient-routing.ts';

export interface AudienceSample {
  id: string;
  personKey: string;
  /** The channel the person will be reached on first; `phone` when no channel reaches them. */
  channel: Channel;
}

/**
 * The first people of a campaign's audience, to pick one for a preview or a test. Only the dataset's own
 * key is shown, nothing decrypted: the preview itself is the audited look at a person's message.
 */
export async function sampleAudience(deps: NotificationDeps, actor: Actor, caseId: string, campaignId: string, limit: number): Promise<AudienceSample[]> {
  const campaign = await getCampaign(deps, actor, caseId, campaignId);
  const rows = await pageAudience(deps.db, caseId, campaign.audienceSets, null, limit);
  return rows.map((row) => {
    const reach = { hasEmail: row.has_email === 1, hasMobile: row.has_mobile === 1, hasAddress: row.has_address === 1, vulnerable: JSON.parse(row.vulnerable) as string[] };
    return { id: row.id, personKey: row.person_key, channel: channelsFor(reach, campaign.channelOrder, campaign.elderlyRoute)[0] ?? 'phone' };
  });
}
