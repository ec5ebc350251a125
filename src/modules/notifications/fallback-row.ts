import { newId } from '../../shared/ids.ts';
import type { AudienceRow } from './notifications.repository.ts';
import type { Campaign, OutboxTable } from './notifications.types.ts';
import { messageIdFor, nextChannel } from './recipient-routing.ts';

/**
 * The outbox row for the channel after a failed one, or null when the person has no channel left. A bounce
 * notice that arrives after sending uses it to continue exactly as a refusal during sending does.
 */
export function fallbackRowFor(
  failed: Pick<OutboxTable, 'campaign_id' | 'affected_person_id' | 'channel'>,
  audience: AudienceRow,
  campaign: Pick<Campaign, 'channelOrder' | 'elderlyRoute'>,
  messageIdDomain: string,
  nowIso: string,
): OutboxTable | null {
  const reach = { hasEmail: audience.has_email === 1, hasMobile: audience.has_mobile === 1, hasAddress: audience.has_address === 1, vulnerable: JSON.parse(audience.vulnerable) as string[] };
  const channel = nextChannel(reach, campaign.channelOrder, campaign.elderlyRoute, failed.channel);
  if (!channel) return null;
  return {
    id: newId(),
    campaign_id: failed.campaign_id,
    affected_person_id: failed.affected_person_id,
    channel,
    state: 'pending',
    message_id: messageIdFor(failed.campaign_id, failed.affected_person_id, channel, messageIdDomain),
    attempts: 0,
    claims: 0,
    locked_by: null,
    locked_until: null,
    next_attempt_at: nowIso,
    last_response: null,
    sent_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  };
}
