import { z } from 'zod';
import { affectedSets } from '../affected-people/index.ts';
import { campaignStates, channels, orderableChannels, outboxStates } from './notifications.types.ts';

const templateText = z.object({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20_000) });

export const createCampaignBody = z.object({
  brand: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  audienceSets: z.array(z.enum(affectedSets)).min(1).default(['confirmed']),
  channelOrder: z
    .array(z.enum(orderableChannels))
    .min(1)
    .refine((order) => new Set(order).size === order.length, 'each channel at most once')
    .default(['email', 'sms', 'letter']),
  elderlyRoute: z.enum(['same', 'letter', 'phone']).default('same'),
  templates: z.object({ nl: templateText, en: templateText }),
  contact: z.string().min(1).max(500),
  organisation: z.string().min(1).max(200),
  url: z.string().max(500).default(''),
});
export type CreateCampaignInput = z.input<typeof createCampaignBody>;

export const campaignParams = z.object({ id: z.string().min(1), cid: z.string().min(1) });
export const caseParams = z.object({ id: z.string().min(1) });
export const previewQuery = z.object({ personId: z.string().min(1) });

export const campaignView = z.object({
  id: z.string(),
  caseId: z.string(),
  brand: z.string(),
  name: z.string(),
  state: z.enum(campaignStates),
  audienceSets: z.array(z.enum(affectedSets)),
  channelOrder: z.array(z.enum(orderableChannels)),
  elderlyRoute: z.enum(['same', 'letter', 'phone']),
  templates: z.object({ nl: templateText, en: templateText }),
  contact: z.string(),
  organisation: z.string(),
  url: z.string(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const previewView = z.object({ channel: z.enum(channels).nullable(), subject: z.string(), text: z.string(), html: z.string() });

export const progressView = z.object({
  campaignId: z.string(),
  state: z.enum(campaignStates),
  total: z.number(),
  byStatus: z.record(z.enum(outboxStates), z.number()),
  byChannel: z.record(z.string(), z.record(z.string(), z.number())),
  sent: z.number(),
  pending: z.number(),
  failed: z.number(),
  /** Rows claimed more than once: after a hard crash, the messages that may have gone out twice. */
  claimedTwice: z.number(),
  ratePerSecond: z.number(),
  secondsLeft: z.number().nullable(),
});
export type ProgressView = z.infer<typeof progressView>;
