import { z } from 'zod';

export const draftKinds = ['initial', 'follow_up', 'withdrawal'] as const;
export type DraftKind = (typeof draftKinds)[number];
export const draftRegimes = ['gdpr', 'telecom', 'nis2_early_warning', 'nis2_notification', 'nis2_final'] as const;
export type DraftRegime = (typeof draftRegimes)[number];

const id = z.string().min(1).max(64);
const bilingual = z.object({ nl: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;

export const draftAnswerSchema = z.object({
  id: z.string(),
  question: bilingual,
  answer: bilingual,
  /** The case does not yet hold this answer: it must be completed before the form is sent. */
  missing: z.boolean(),
});
export type DraftAnswer = z.infer<typeof draftAnswerSchema>;

export const draftSectionSchema = z.object({ id: z.string(), title: bilingual, answers: z.array(draftAnswerSchema) });
export type DraftSection = z.infer<typeof draftSectionSchema>;

export const draftChangeSchema = z.object({
  sectionId: z.string(),
  answerId: z.string(),
  question: bilingual,
  before: bilingual.nullable(),
  after: bilingual.nullable(),
});
export type DraftChange = z.infer<typeof draftChangeSchema>;

export const draftContentSchema = z.object({
  title: bilingual,
  recipient: bilingual,
  sections: z.array(draftSectionSchema),
  /** For a follow-up (GDPR art. 33(4)): what differs from the last submitted notification. */
  changes: z.array(draftChangeSchema),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const draftViewSchema = draftContentSchema.extend({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(draftKinds),
  regime: z.enum(draftRegimes),
  missingCount: z.number().int(),
  previousDraftId: z.string().nullable(),
  assessmentId: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  apReference: z.string().nullable(),
  notificationId: z.string().nullable(),
});
export type DraftView = z.infer<typeof draftViewSchema>;

export const createDraftBody = z
  .object({
    kind: z.enum(draftKinds),
    regime: z.enum(draftRegimes).optional(),
    /** The reporter's phone and position as the form asks them; the reporter is the person drafting. */
    reporterPhone: z.string().trim().max(40).optional(),
    reporterPosition: z.string().trim().max(200).optional(),
    /** Section 9, or for a withdrawal the reason it is withdrawn. */
    otherInformation: z.string().trim().max(10_000).optional(),
  })
  .strict();
export type CreateDraftBody = z.infer<typeof createDraftBody>;

export const submittedBody = z
  .object({
    submittedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with Z or an offset' }),
    apReference: z.string().trim().min(1, 'must not be empty').max(100),
    delayReason: z.string().trim().max(5000).optional(),
  })
  .strict();
export type SubmittedBody = z.infer<typeof submittedBody>;

export const contactBody = z
  .object({
    dpoName: z.string().trim().max(200).nullable(),
    dpoEmail: z.email().max(320).nullable(),
    dpoPhone: z.string().trim().max(40).nullable(),
  })
  .strict();
export type ContactView = z.infer<typeof contactBody>;

export const caseParams = z.object({ id });
export const draftParams = z.object({ id, draftId: id });
export const listDraftsResponse = z.object({ drafts: z.array(draftViewSchema) });
