import { z } from 'zod';

/** The states the case workflow moves through; the web UI translates each of them. */
export const caseStates = ['draft', 'reported', 'triage', 'open', 'assessing', 'notifying', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

export const caseParams = z.object({ id: z.string().min(1).max(64) });

export const caseSummaryResponse = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: z.string(),
  awareAt: z.string().nullable(),
  createdAt: z.string(),
});

export const listCasesResponse = z.object({ cases: z.array(caseSummaryResponse) });

export const caseDetailResponse = caseSummaryResponse.extend({
  summary: z.string(),
  updatedAt: z.string(),
});

export const createCaseInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  summary: z.string().trim().max(20_000).default(''),
  state: z.enum(caseStates).default('triage'),
  awareAt: z.iso.datetime({ offset: false }).nullable().default(null),
});
export type CreateCaseInput = z.input<typeof createCaseInput>;

export type CaseSummaryView = z.infer<typeof caseSummaryResponse>;
export type CaseDetailView = z.infer<typeof caseDetailResponse>;
