import { z } from 'zod';

const id = z.string().min(1).max(64);
const bilingual = { en: z.string(), nl: z.string() };

export const riskOutcomeValues = ['none', 'risk', 'high'] as const;
export type RiskOutcomeValue = (typeof riskOutcomeValues)[number];

export const decisionReportSchema = z.object({
  severity: z.object({
    score: z.number(),
    level: z.string(),
    dpc: z.number(),
    dpc_data_type: z.string(),
    ei: z.number(),
    ei_level: z.string(),
    cb: z.number(),
    adjustments: z.array(z.object({ criterion: z.string(), data_type: z.string().optional(), rule: z.string(), from: z.number(), to: z.number(), ...bilingual })),
  }),
  risk: z.enum(riskOutcomeValues),
  notify_authority: z.boolean(),
  notify_subjects: z.boolean(),
  public_communication: z.boolean(),
  exceptions: z.array(z.object({ article: z.string(), ...bilingual })),
  deadlines: z.array(
    z.object({
      id: z.string(),
      legal_basis: z.string(),
      recipient: z.string(),
      starts_from: z.string(),
      started_at: z.string().nullable(),
      due_at: z.string().nullable(),
      applies: z.boolean(),
      not_applicable_reason: z.string().nullable(),
    }),
  ),
  reasons: z.array(z.object({ code: z.string(), ...bilingual })),
  factors: z.array(z.object({ factor: z.string(), direction: z.string(), ...bilingual })),
});

export const partyOutcomeSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  role: z.string(),
  sector: z.string(),
  nis2: z.string(),
  risk: z.enum(riskOutcomeValues),
  notifyAuthority: z.boolean(),
  notifySubjects: z.boolean(),
  publicCommunication: z.boolean(),
});
export type PartyOutcome = z.infer<typeof partyOutcomeSchema>;

const factSourceSchema = z.object({ source: z.string(), by: z.string().nullable(), at: z.string() });

export const computedAssessmentSchema = z.object({
  facts: z.record(z.string(), z.unknown()),
  factSources: z.record(z.string(), factSourceSchema),
  /** Required facts not yet established; empty when a decision could be computed. */
  missing: z.array(z.string()),
  invalid: z.array(z.object({ field: z.string(), message: z.string() })),
  decision: decisionReportSchema.nullable(),
  parties: z.array(partyOutcomeSchema),
});
export type ComputedAssessment = z.infer<typeof computedAssessmentSchema>;

export const assessmentRecordSchema = z.object({
  id: z.string(),
  computedOutcome: z.enum(riskOutcomeValues),
  chosenOutcome: z.enum(riskOutcomeValues),
  overridden: z.boolean(),
  justification: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  decidedAt: z.string(),
  facts: z.record(z.string(), z.unknown()),
  factSources: z.record(z.string(), factSourceSchema),
  decision: decisionReportSchema,
  parties: z.array(partyOutcomeSchema),
});
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;

export const caseAssessmentResponse = z.object({
  computed: computedAssessmentSchema,
  current: assessmentRecordSchema.nullable(),
  history: z.array(assessmentRecordSchema),
});
export type CaseAssessmentView = z.infer<typeof caseAssessmentResponse>;

/** Below this a justification cannot say why the computed outcome is wrong. */
export const MIN_JUSTIFICATION_LENGTH = 20;

export const decideBody = z
  .object({
    chosenOutcome: z.enum(riskOutcomeValues).optional(),
    justification: z.string().trim().max(5000).optional(),
  })
  .strict();

export const caseParams = z.object({ id });

/** The facts are checked by the case-facts format itself, so that each bad field is named in its own terms. */
export const assessBody = z.record(z.string(), z.unknown());
