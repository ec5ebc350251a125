import { z } from 'zod';
import { PERSONAL_DATA_CATEGORIES } from './recognizers/index.ts';

export const analysisStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export const caseParams = z.object({ id: z.string().min(1) });
export const analysisParams = z.object({ id: z.string().min(1), aid: z.string().min(1) });

export const analysisSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'jsonl', 'parquet']),
  status: z.enum(analysisStatuses),
  phase: z.string().nullable(),
  /** 0..1 over the whole analysis. */
  fraction: z.number(),
  error: z.string().nullable(),
  columnOverrides: z.record(z.string(), z.enum(PERSONAL_DATA_CATEGORIES).nullable()),
  rerunOf: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;

export const listAnalysesResponse = z.object({ analyses: z.array(analysisSummarySchema) });

/** The engine's report as stored: column reports and totals, masked examples only. */
export const analysisDetailSchema = analysisSummarySchema.extend({ result: z.record(z.string(), z.unknown()).nullable() });
export type AnalysisDetail = z.infer<typeof analysisDetailSchema>;

export const columnOverridesBody = z.object({
  overrides: z.record(z.string().min(1).max(500), z.enum(PERSONAL_DATA_CATEGORIES).nullable()),
});

export const affectedPeopleQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().min(1).optional(),
  unmasked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const affectedPersonViewSchema = z.object({
  id: z.string(),
  set: z.string(),
  language: z.string(),
  brands: z.array(z.string()),
  categories: z.array(z.string()),
  specialCategories: z.array(z.string()),
  vulnerable: z.array(z.string()),
  records: z.number(),
  masked: z.boolean(),
  contact: z.object({ email: z.string().nullable(), mobile: z.string().nullable(), address: z.string().nullable(), name: z.string().nullable() }),
});
export type AffectedPersonView = z.infer<typeof affectedPersonViewSchema>;

export const affectedPeopleResponse = z.object({
  analysisId: z.string().nullable(),
  people: z.array(affectedPersonViewSchema),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
});

export const applyResponse = z.object({
  facts: z.record(z.string(), z.unknown()),
  factSources: z.record(z.string(), z.unknown()),
});
