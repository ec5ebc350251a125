import { z } from 'zod';
import { dataCategories } from '../risk/index.ts';
import { fileViewSchema } from './file-view.schemas.ts';

export const reportSources = ['public', 'internal', 'processor', 'api'] as const;
export const reportStatuses = ['new', 'converted', 'attached', 'not_a_breach'] as const;
export const reporterRoles = ['staff', 'processor', 'customer', 'other'] as const;
export const triState = ['yes', 'no', 'unknown'] as const;

/** Limits shared by the public form and the API, so both reject the same things with the same field names. */
export const reportLimits = { description: 10_000, systems: 2_000, name: 200, email: 254, phone: 40, orgName: 200, maxPersons: 1_000_000_000, files: 5 } as const;

const isoMoment = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));
const count = z.number().int().min(0).max(reportLimits.maxPersons);

/** What every report holds, however it arrives. */
export const reportInputSchema = z
  .object({
    description: z.string().trim().min(1).max(reportLimits.description).describe('What happened.'),
    occurredAt: isoMoment.optional().describe('When it happened (ISO-8601).'),
    discoveredAt: isoMoment.optional().describe('When it was discovered (ISO-8601).'),
    ongoing: z.enum(triState).default('unknown'),
    systems: z.string().trim().max(reportLimits.systems).default(''),
    dataCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
    personsMin: count.optional(),
    personsMax: count.optional(),
    dataEncrypted: z.enum(triState).default('unknown'),
    reporterRole: z.enum(reporterRoles).optional(),
    reporterOrgName: optionalText(reportLimits.orgName),
    reporterName: optionalText(reportLimits.name),
    reporterEmail: z
      .union([z.literal(''), z.email().max(reportLimits.email)])
      .optional()
      .transform((value) => (value ? value : undefined)),
    reporterPhone: optionalText(reportLimits.phone).refine((value) => value === undefined || /^[+0-9 ()./-]{6,40}$/.test(value), 'not a phone number'),
    processorAwareAt: isoMoment.optional().describe('When the processor became aware (required for processor accounts).'),
  })
  .superRefine((value, context) => {
    if (value.personsMin !== undefined && value.personsMax !== undefined && value.personsMin > value.personsMax) {
      context.addIssue({ code: 'custom', path: ['personsMax'], message: 'must not be below the minimum' });
    }
    if (value.occurredAt && value.discoveredAt && value.occurredAt > value.discoveredAt) {
      context.addIssue({ code: 'custom', path: ['discoveredAt'], message: 'cannot be before the moment it happened' });
    }
  });

export type ReportInput = z.output<typeof reportInputSchema>;
export type ReportInputRaw = z.input<typeof reportInputSchema>;

export const createReportResponse = z.object({ id: z.string(), reference: z.string(), status: z.enum(reportStatuses) });
export type CreatedReport = z.infer<typeof createReportResponse>;

export const reportParams = z.object({ id: z.string().min(1).max(64) });
export const listReportsQuery = z.object({ status: z.enum(reportStatuses).optional() });

export const reportSummary = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.enum(reportSources),
  status: z.enum(reportStatuses),
  reporterRole: z.enum(reporterRoles),
  excerpt: z.string(),
  dataCategories: z.array(z.string()),
  personsMin: z.number().nullable(),
  personsMax: z.number().nullable(),
  processorName: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
});

export const reportDetail = reportSummary.extend({
  description: z.string(),
  occurredAt: z.string().nullable(),
  discoveredAt: z.string().nullable(),
  ongoing: z.enum(triState),
  systems: z.string(),
  dataEncrypted: z.enum(triState),
  reporterName: z.string().nullable(),
  reporterEmail: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  reporterOrgName: z.string().nullable(),
  processorAwareAt: z.string().nullable(),
  processorReportedAt: z.string().nullable(),
  triageReason: z.string().nullable(),
  files: z.array(fileViewSchema),
});

export const listReportsResponse = z.object({ reports: z.array(reportSummary) });

export const triageBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('new_case'), title: z.string().trim().min(1).max(200).optional() }),
  z.object({ action: z.literal('attach'), caseId: z.string().min(1).max(64) }),
  z.object({ action: z.literal('not_a_breach'), reason: z.string().trim().min(1).max(4000) }),
]);
export const triageResponse = z.object({ reportId: z.string(), status: z.enum(reportStatuses), caseId: z.string().nullable() });

export const reportLinkParams = z.object({ linkId: z.string().min(1).max(64) });
export const reportLinkResponse = z.object({ url: z.string() });

export type ReportSummaryView = z.infer<typeof reportSummary>;
export type ReportDetailView = z.infer<typeof reportDetail>;
export type TriageInput = z.input<typeof triageBody>;
export type TriageResult = z.infer<typeof triageResponse>;
export type ReportSource = (typeof reportSources)[number];
