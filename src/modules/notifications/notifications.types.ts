import type { AffectedSet } from '../affected-people/index.ts';

export const channels = ['email', 'sms', 'letter', 'phone'] as const;
export type Channel = (typeof channels)[number];
/** Channels a campaign may order; `phone` is only a route for vulnerable people, never a fallback. */
export const orderableChannels = ['email', 'sms', 'letter'] as const;
export type OrderableChannel = (typeof orderableChannels)[number];

export const campaignStates = ['draft', 'approved', 'running', 'paused', 'cancelled', 'completed'] as const;
export type CampaignState = (typeof campaignStates)[number];

/**
 * A recipient's state, as in the domain notes: a row is claimed under a lease, then ends as accepted (250),
 * unknown (no reply after the data went out), deferred (4xx, retried later), bounced (5xx, no channel left)
 * or fallen_back (5xx, the next channel has its own row).
 */
export const outboxStates = ['pending', 'claimed', 'accepted', 'unknown', 'deferred', 'bounced', 'fallen_back'] as const;
export type OutboxState = (typeof outboxStates)[number];

export type ElderlyRoute = 'same' | 'letter' | 'phone';
export type Language = 'nl' | 'en';

export interface TemplateText {
  subject: string;
  body: string;
}
export type Templates = Record<Language, TemplateText>;

export interface CampaignTable {
  id: string;
  org_id: string;
  case_id: string;
  brand: string;
  name: string;
  state: CampaignState;
  audience_sets: string;
  channel_order: string;
  elderly_route: ElderlyRoute;
  templates: string;
  contact: string;
  organisation: string;
  url: string;
  created_by: string;
  approved_by: string | null;
  approved_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutboxTable {
  id: string;
  campaign_id: string;
  affected_person_id: string;
  channel: Channel;
  state: OutboxState;
  message_id: string;
  attempts: number;
  /** How often a worker claimed the row: above 1 after a crash means the message may have gone out twice. */
  claims: number;
  locked_by: string | null;
  locked_until: string | null;
  next_attempt_at: string;
  last_response: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export type NotificationTables = {
  campaigns: CampaignTable;
  outbox: OutboxTable;
};

export interface Campaign {
  id: string;
  orgId: string;
  caseId: string;
  brand: string;
  name: string;
  state: CampaignState;
  audienceSets: AffectedSet[];
  channelOrder: OrderableChannel[];
  elderlyRoute: ElderlyRoute;
  templates: Templates;
  contact: string;
  organisation: string;
  url: string;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}
