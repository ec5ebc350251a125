import { z } from 'zod';

/** An instant as ISO 8601 in UTC (`2026-03-27T09:00:00.000Z`); offsets are refused so nothing is stored in local time. */
const utcInstant = z.iso.datetime({ message: 'must be an ISO 8601 UTC time ending in Z' });
/** Input instants are rewritten to the one stored form (milliseconds included) so they compare as text. */
const utcInstantInput = utcInstant.transform((value) => new Date(value).toISOString());

export const sectorSchema = z.enum(['telecom', 'energy', 'health', 'finance', 'education', 'public', 'retail', 'other']);
export type Sector = z.infer<typeof sectorSchema>;

export const nis2EntitySchema = z.enum(['essential', 'important', 'none']);
export type Nis2Entity = z.infer<typeof nis2EntitySchema>;

export const sectorProfileSchema = z.object({
  sector: sectorSchema,
  nis2: nis2EntitySchema,
});
export type SectorProfile = z.infer<typeof sectorProfileSchema>;

export const obligationIdSchema = z.enum([
  'gdpr_authority',
  'telecom_initial',
  'telecom_complete',
  'nis2_early_warning',
  'nis2_notification',
  'nis2_final_report',
  'processor_to_controller',
]);
export type ObligationId = z.infer<typeof obligationIdSchema>;

export const riskOutcomeSchema = z.enum(['none', 'risk', 'high']);
export type RiskOutcome = z.infer<typeof riskOutcomeSchema>;

export const recordedNotificationSchema = z.object({
  obligation: obligationIdSchema,
  at: utcInstantInput,
  delayReason: z.string().trim().min(1).max(4000).optional(),
});
export type RecordedNotification = z.infer<typeof recordedNotificationSchema>;

export const DEFAULT_PROCESSOR_DEADLINE_HOURS = 24;
export const DEFAULT_DEADLINE_TIME_ZONE = 'Europe/Amsterdam';

export const clockInputSchema = z.object({
  profile: sectorProfileSchema,
  /** The controller's awareness in the sense of EDPB Guidelines 9/2022: reasonable certainty that personal data were compromised. */
  awareAt: utcInstantInput,
  /** When the incident was first detected; telecom's clock runs from here. */
  detectedAt: utcInstantInput.optional(),
  /** When the processor became aware; present only when a processor is involved. */
  processorAwareAt: utcInstantInput.optional(),
  /** When the processor told the controller. */
  processorReportedAt: utcInstantInput.optional(),
  processorDeadlineHours: z.number().int().min(1).max(24 * 30).default(DEFAULT_PROCESSOR_DEADLINE_HOURS),
  notificationsRecorded: z.array(recordedNotificationSchema).default([]),
  /** Outcome of the risk assessment; absent while it is still being made (the GDPR clock runs meanwhile). */
  riskOutcome: riskOutcomeSchema.optional(),
  /** NIS2 applies to significant incidents only; absent means not yet decided, so its clocks run. */
  nis2Significant: z.boolean().optional(),
  /** Calendar months (the NIS2 final report) are counted on this zone's calendar. */
  timeZone: z
    .string()
    .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Amsterdam')
    .default(DEFAULT_DEADLINE_TIME_ZONE),
});
/** What a caller passes: defaults may be left out. */
export type ClockInput = z.input<typeof clockInputSchema>;

export const recipientSchema = z.enum(['supervisory_authority', 'csirt', 'controller']);
export type Recipient = z.infer<typeof recipientSchema>;

export const startMomentSchema = z.enum([
  'awareness',
  'detection',
  'processor_awareness',
  'telecom_initial_deadline',
  'telecom_initial_notification',
  'nis2_notification',
]);
export type StartMoment = z.infer<typeof startMomentSchema>;

export const obligationStatusSchema = z.enum(['open', 'met', 'met_late', 'overdue', 'not_applicable']);
export type ObligationStatus = z.infer<typeof obligationStatusSchema>;

export const notApplicableReasonSchema = z.enum([
  'risk_unlikely',
  'not_telecom_provider',
  'not_nis2_entity',
  'nis2_not_significant',
  'awaiting_nis2_notification',
  'no_processor_involved',
]);
export type NotApplicableReason = z.infer<typeof notApplicableReasonSchema>;

export const obligationSchema = z.object({
  id: obligationIdSchema,
  legalBasis: z.string(),
  recipient: recipientSchema,
  startsFrom: startMomentSchema,
  /** The moment the clock started; null when that moment has not happened or is unknown. */
  startedAt: utcInstant.nullable(),
  dueAt: utcInstant.nullable(),
  status: obligationStatusSchema,
  notApplicableReason: notApplicableReasonSchema.nullable(),
  notifiedAt: utcInstant.nullable(),
  delayReasonRequired: z.boolean(),
  delayReason: z.string().nullable(),
});
export type Obligation = z.infer<typeof obligationSchema>;

export const countdownSeveritySchema = z.enum(['ok', 'warning', 'critical']);
export type CountdownSeverity = z.infer<typeof countdownSeveritySchema>;

export const countdownSchema = z.object({
  /** False when no clock is running: the obligation does not apply or the notification was made. */
  running: z.boolean(),
  /** Milliseconds left until the deadline, negative once it has passed; null when not running. */
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
  severity: countdownSeveritySchema,
});
export type Countdown = z.infer<typeof countdownSchema>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
