import type { AppContext } from '../../app-context.ts';
import type { AffectedSet } from '../affected-people/index.ts';
import type { Campaign, CampaignTable, OrderableChannel, Templates } from './notifications.types.ts';

export function toCampaign(row: CampaignTable): Campaign {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    brand: row.brand,
    name: row.name,
    state: row.state,
    audienceSets: JSON.parse(row.audience_sets) as AffectedSet[],
    channelOrder: JSON.parse(row.channel_order) as OrderableChannel[],
    elderlyRoute: row.elderly_route,
    templates: JSON.parse(row.templates) as Templates,
    contact: row.contact,
    organisation: row.organisation,
    url: row.url,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
  };
}

/** The domain of the sender address: Message-IDs end in it. */
export function messageIdDomain(deps: Pick<AppContext, 'config'>): string {
  return (deps.config.MAIL_FROM.match(/@([^>\s]+)/)?.[1] ?? 'breachdesk.local').toLowerCase();
}

