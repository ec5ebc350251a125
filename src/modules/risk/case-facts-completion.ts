import type { z } from 'zod';
import { caseFactsSchema, type CaseFacts, type DataCategory } from './case-facts.schemas.ts';
import type { vulnerableGroups } from './case-facts.schemas.ts';

/** Facts as a case stores them: the case-facts format, any part of it possibly not yet established. */
export type RecordedFacts = Record<string, unknown>;

/** Where one fact came from, keyed by its path (`data.subjects`); the same shape the case keeps. */
export interface FactSource {
  source: string;
  by: string | null;
  at: string;
}
export type FactSources = Record<string, FactSource>;

/** What the impact analysis of the breached dataset measured (see impact-facts.source.ts). */
export interface ImpactFigures {
  categories: DataCategory[];
  subjects: { min: number; max: number };
  records: number;
  vulnerable: Array<(typeof vulnerableGroups)[number]>;
  /** When the analysis finished; shown as the moment of the source. */
  analysedAt: string;
}

/** The profile and moments a case holds outside its facts. */
export interface CaseContext {
  sector: string;
  nis2: string;
  awareAt: string | null;
  detectedAt: string | null;
  occurredAt: string | null;
}

export interface CompletedFacts {
  facts: RecordedFacts;
  sources: FactSources;
}

/**
 * Fills what the case already knows elsewhere: the organisation's sector and NIS2 status, and the moments
 * recorded on the case. A fact someone recorded is never replaced.
 */
export function fillFromCase(facts: RecordedFacts, sources: FactSources, context: CaseContext): CompletedFacts {
  const next = structuredClone(facts);
  const nextSources = { ...sources };
  const fill = (group: string | null, key: string, value: unknown, source: FactSource) => {
    if (value === null || value === undefined) return;
    const target = group === null ? next : ((next[group] ??= {}) as RecordedFacts);
    if (target[key] !== undefined) return;
    target[key] = value;
    nextSources[group === null ? key : `${group}.${key}`] = source;
  };
  const organisation: FactSource = { source: 'organisation', by: null, at: '' };
  const caseRecord: FactSource = { source: 'case', by: null, at: '' };
  fill(null, 'sector', context.sector, organisation);
  fill(null, 'nis2', context.nis2, organisation);
  // The breach group is only started by the case's moments when other breach facts exist, so that a case
  // with no facts at all still reads as "breach not yet described".
  if (next.breach !== undefined || context.awareAt || context.detectedAt || context.occurredAt) {
    fill('breach', 'aware_at', context.awareAt, caseRecord);
    fill('breach', 'detected_at', context.detectedAt, caseRecord);
    fill('breach', 'occurred_at', context.occurredAt, caseRecord);
  }
  return { facts: next, sources: nextSources };
}

/**
 * Lays the measured figures of the impact analysis over the recorded facts. Counts measured in the data
 * replace estimates; categories and vulnerable groups are joined, because an analyst may know of data the
 * dataset does not show (e.g. a photographed screen). Each filled fact names the analysis as its source.
 */
export function mergeImpactFigures(facts: RecordedFacts, sources: FactSources, figures: ImpactFigures | null): CompletedFacts {
  if (figures === null) return { facts, sources };
  const next = structuredClone(facts);
  const data = (next.data ??= {}) as RecordedFacts;
  const source: FactSource = { source: 'impact_analysis', by: null, at: figures.analysedAt };
  const nextSources = { ...sources };
  const union = <T>(recorded: unknown, measured: readonly T[]): T[] => {
    const list = Array.isArray(recorded) ? (recorded as T[]) : [];
    return [...new Set([...measured, ...list])];
  };
  data.categories = union(data.categories, figures.categories);
  data.subjects = { min: figures.subjects.min, max: figures.subjects.max };
  data.records = figures.records;
  data.vulnerable = union(data.vulnerable, figures.vulnerable);
  for (const key of ['categories', 'subjects', 'records', 'vulnerable']) nextSources[`data.${key}`] = source;
  return { facts: next, sources: nextSources };
}

/** Every fact the format requires (no default, not optional), as dotted paths, in the format's order. */
export const requiredFactPaths: readonly string[] = listRequiredPaths(caseFactsSchema);

function listRequiredPaths(schema: typeof caseFactsSchema): string[] {
  const paths: string[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (field.safeParse(undefined).success) continue;
    const shape = (field as unknown as { shape?: Record<string, z.ZodType> }).shape;
    if (!shape) {
      paths.push(key);
      continue;
    }
    for (const [sub, member] of Object.entries(shape)) if (!member.safeParse(undefined).success) paths.push(`${key}.${sub}`);
  }
  return paths;
}

function valueAt(facts: RecordedFacts, path: string): unknown {
  let value: unknown = facts;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export type FactsEvaluation =
  | { complete: true; facts: CaseFacts }
  | { complete: false; missing: string[]; invalid: Array<{ field: string; message: string }> };

/**
 * Whether the facts suffice for a decision, and if not exactly which required facts are missing (an empty
 * list of categories counts as missing) and which given values are not valid.
 */
export function evaluateFacts(facts: RecordedFacts): FactsEvaluation {
  const missing = requiredFactPaths.filter((path) => {
    const value = valueAt(facts, path);
    return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  });
  const parsed = caseFactsSchema.safeParse(facts);
  if (parsed.success && missing.length === 0) return { complete: true, facts: parsed.data };
  const invalid = parsed.success
    ? []
    : parsed.error.issues
        .map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))
        .filter((issue) => !missing.some((path) => issue.field === path || issue.field.startsWith(`${path}.`) || path.startsWith(`${issue.field}.`) || issue.field === ''));
  return { complete: false, missing, invalid };
}
