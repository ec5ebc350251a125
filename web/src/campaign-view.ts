import type { Campaign, CampaignAction, CampaignProgress, CampaignState, MessageCheck, NewCampaignInput } from './api-types.ts';
import { knownPlaceholders } from '../../src/modules/messages-check/art34-checker.ts';

/** The per-person fields a template may use, written as the author types them. */
export const templateFields: readonly string[] = knownPlaceholders.map((name) => `{{${name}}}`);

export const orderableChannels = ['email', 'sms', 'letter'] as const;
export type OrderableChannel = (typeof orderableChannels)[number];
export const elderlyRoutes = ['same', 'letter', 'phone'] as const;
export const audienceSets = ['confirmed', 'accessed', 'could_have_been_queried'] as const;
export type AudienceSet = (typeof audienceSets)[number];

/** What the server accepts from each state; buttons that would only be refused are not offered. */
const actionsByState: Record<CampaignState, readonly CampaignAction[]> = {
  draft: ['approve', 'cancel'],
  approved: ['start', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  cancelled: [],
  completed: [],
};

export function campaignActions(state: CampaignState): readonly CampaignAction[] {
  return actionsByState[state];
}

/** The four-eyes rule as the server applies it: the author of a draft cannot be the one to approve it. */
export function mayApprove(campaign: Pick<Campaign, 'state' | 'createdBy'>, userId: string): boolean {
  return campaign.state === 'draft' && campaign.createdBy !== userId;
}

/** While messages go out (or could resume going out) the page keeps asking for fresh counts. */
export function isSending(state: CampaignState): boolean {
  return state === 'running';
}

/** Share of the people already dealt with; a finished campaign is full even with nobody in it. */
export function progressFraction(progress: Pick<CampaignProgress, 'total' | 'pending' | 'state'>): number {
  if (progress.total === 0) return progress.state === 'completed' ? 1 : 0;
  return Math.min(1, Math.max(0, (progress.total - progress.pending) / progress.total));
}

export function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.ceil(seconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/** Moves a channel one place up (-1) or down (+1) in the order; out of range leaves the order as it is. */
export function moveChannel<T>(order: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The elements of the art. 34(2) check that a message fails, with the reason in the reader's language. */
export function failingItems(check: MessageCheck, locale: 'nl' | 'en'): Array<{ item: string; reason: string }> {
  return check.items.filter((i) => !i.passed).map((i) => ({ item: i.item, reason: i.reason[locale] }));
}

export type CampaignDraft = Omit<NewCampaignInput, 'audienceSets' | 'channelOrder' | 'elderlyRoute' | 'url'> & {
  audienceSets: AudienceSet[];
  channelOrder: OrderableChannel[];
  elderlyRoute: (typeof elderlyRoutes)[number];
  url: string;
};

/** Form fields that must be filled before the server is asked, named as the API names them. */
export function missingFields(draft: CampaignDraft): string[] {
  const missing: string[] = [];
  for (const field of ['name', 'brand', 'organisation', 'contact'] as const) if (!draft[field].trim()) missing.push(field);
  if (draft.audienceSets.length === 0) missing.push('audienceSets');
  if (draft.channelOrder.length === 0) missing.push('channelOrder');
  for (const language of ['nl', 'en'] as const) {
    if (!draft.templates[language].subject.trim()) missing.push(`templates.${language}.subject`);
    if (!draft.templates[language].body.trim()) missing.push(`templates.${language}.body`);
  }
  return missing;
}

/** A starting point that already passes the check, so an author edits a good letter rather than a blank page. */
export const starterTemplates: NewCampaignInput['templates'] = {
  nl: {
    subject: 'Datalek bij {{organisation}}: uw gegevens',
    body: 'Beste {{name}},\n\nBij {{organisation}} is een datalek geweest: onbevoegden hebben gegevens ingezien. Het gaat om {{exposed_data}}.\n\nHet risico is dat oplichters u nepberichten sturen. Wij hebben de toegang afgesloten en de Autoriteit Persoonsgegevens ingelicht.\n\nWees alert op phishing. Deel nooit uw pincode. Controleer uw facturen.\n\nVragen? Neem contact op via {{contact}}. Kenmerk: {{reference}}.',
  },
  en: {
    subject: 'Data breach at {{organisation}}: your data',
    body: 'Dear {{name}},\n\nThere was a data breach at {{organisation}}: unauthorised people accessed data. It concerns {{exposed_data}}.\n\nThe risk is that criminals send you fake messages to commit fraud. We have closed the access and notified the data protection authority.\n\nBe alert to phishing. Never share your PIN. Check your invoices.\n\nQuestions? Contact us via {{contact}}. Reference: {{reference}}.',
  },
};
