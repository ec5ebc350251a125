import { z } from 'zod';

const section = z.string().trim().max(5000);

/** The statement on the public page, in one language; every section may be left empty until known. */
export const incidentTextsSchema = z.object({
  whatHappened: section,
  whatData: section,
  whatWeDid: section,
  whatToDo: section,
  phishing: section,
  contact: section,
});
export type IncidentTexts = z.infer<typeof incidentTextsSchema>;

export const emptyIncidentTexts: IncidentTexts = { whatHappened: '', whatData: '', whatWeDid: '', whatToDo: '', phishing: '', contact: '' };

export const notAffectedReplies = ['message', 'nothing'] as const;
export type NotAffectedReply = (typeof notAffectedReplies)[number];

export const incidentPageBody = z.object({
  slug: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens'),
  texts: z.object({ nl: incidentTextsSchema, en: incidentTextsSchema }),
  /** Whether someone who is not affected gets "you are not affected" or nothing at all. */
  notAffectedReply: z.enum(notAffectedReplies),
  allowCustomerLookup: z.boolean(),
});
export type IncidentPageBody = z.infer<typeof incidentPageBody>;

export const incidentPageView = incidentPageBody.extend({
  caseId: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Where the public finds the page, relative to the public address of the installation. */
  path: z.string(),
});
export type IncidentPageView = z.infer<typeof incidentPageView>;

export const caseParams = z.object({ id: z.string().min(1).max(64) });
