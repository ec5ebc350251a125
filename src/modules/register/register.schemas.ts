import { z } from 'zod';
import { breachCauses } from '../risk/index.ts';

/** A local calendar date (`2026-03-01`, read in the organisation's time zone) or an exact UTC instant. */
const periodBound = z.union([z.iso.date(), z.iso.datetime({ offset: false })]);

export const riskOutcomeFilters = ['none', 'risk', 'high', 'undecided'] as const;

export const registerQuery = z.object({
  /** First day (inclusive) of the period, on awareness or, when that is unknown, on the case's creation. */
  from: periodBound.optional(),
  /** Last day (inclusive) of the period. */
  to: periodBound.optional(),
  cause: z.enum(breachCauses).optional(),
  outcome: z.enum(riskOutcomeFilters).optional(),
  notified: z.enum(['yes', 'no']).optional(),
  state: z.string().trim().min(1).max(40).optional(),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export const registerEntry = z.object({
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  state: z.string(),
  notABreach: z.boolean(),
  occurredAt: z.string().nullable(),
  detectedAt: z.string().nullable(),
  awareAt: z.string().nullable(),
  cause: z.string().nullable(),
  categories: z.array(z.string()),
  personsMin: z.number().nullable(),
  personsMax: z.number().nullable(),
  records: z.number().nullable(),
  riskOutcome: z.string().nullable(),
  authorityNotifiedAt: z.string().nullable(),
  authorityReference: z.string().nullable(),
  /** Null while the deadline has not passed without a notification, or when no deadline applies. */
  notifiedOnTime: z.boolean().nullable(),
  delayReason: z.string().nullable(),
  subjectsInformed: z.boolean(),
  effects: z.string(),
  remedialAction: z.string(),
  decisionReason: z.string(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
});
export type RegisterEntry = z.infer<typeof registerEntry>;

export const registerResponse = z.object({ entries: z.array(registerEntry) });

const localisedLabel = z.object({ nl: z.string(), en: z.string() });

export const deadlineAtRisk = z.object({
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  obligation: z.string(),
  label: localisedLabel,
  dueAt: z.string(),
  severity: z.enum(['ok', 'warning', 'critical']),
  remainingMs: z.number(),
  overdue: z.boolean(),
});
export type DeadlineAtRisk = z.infer<typeof deadlineAtRisk>;

export const monthCount = z.object({
  month: z.string(),
  notified: z.number(),
  notNotified: z.number(),
});
export type MonthCount = z.infer<typeof monthCount>;

export const dashboardResponse = z.object({
  openCasesByState: z.record(z.string(), z.number()),
  reportsAwaitingTriage: z.number(),
  deadlinesAtRisk: z.array(deadlineAtRisk),
  casesPerMonth: z.array(monthCount),
  hoursToAuthority: z.array(z.object({ reference: z.string(), hours: z.number() })),
  medianHoursToAuthority: z.number().nullable(),
  /** A fraction between 0 and 1 of the cases whose authority deadline has been decided one way or the other. */
  shareNotifiedOnTime: z.number().nullable(),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
