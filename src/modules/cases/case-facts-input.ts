import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { caseFactsSchema } from '../risk/index.ts';

/**
 * The case-facts format with every field optional down to the second level, so that an investigation can
 * record facts one at a time. Unknown keys and wrong values are still refused; a group such as
 * `data.subjects` is checked whole once given.
 */
export const partialCaseFactsSchema = buildPartialFacts(caseFactsSchema);

function buildPartialFacts(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    let inner: z.ZodType = field;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    shape[key] = (inner instanceof z.ZodObject ? inner.partial() : inner).optional();
  }
  return z.object(shape).strict();
}

export type PartialFacts = Record<string, unknown>;

/**
 * Validates submitted facts and returns them as given (defaults not filled in), so that what is stored is
 * what someone established, never a default mistaken for a finding.
 */
export function validatePartialFacts(input: unknown, fieldPrefix = 'facts'): PartialFacts {
  const result = partialCaseFactsSchema.safeParse(input);
  if (result.success) return stripUndefined(input as PartialFacts);
  throw new AppError('validation_failed', 'The case facts are not valid.', {
    issues: result.error.issues.map((issue) => {
      const path = [fieldPrefix, ...issue.path.map(String)].filter(Boolean);
      if (issue.code === 'unrecognized_keys') return { field: [...path, issue.keys[0]].join('.'), message: `unknown field(s): ${issue.keys.join(', ')}` };
      return { field: path.join('.'), message: issue.message };
    }),
  });
}

function stripUndefined(value: PartialFacts): PartialFacts {
  return JSON.parse(JSON.stringify(value)) as PartialFacts;
}

/** The addressable facts: a top-level group's members (`data.subjects`), or the top-level value itself (`sector`). */
export function factPaths(facts: PartialFacts): Map<string, string> {
  const paths = new Map<string, string>();
  for (const [key, value] of Object.entries(facts)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) paths.set(`${key}.${sub}`, JSON.stringify(subValue));
    } else {
      paths.set(key, JSON.stringify(value));
    }
  }
  return paths;
}

export interface FactSource {
  source: string;
  by: string | null;
  at: string;
}

/**
 * Updates where each fact came from: a fact that is new or changed is attributed to this change, one that
 * is gone loses its source, one that stayed the same keeps its earlier source.
 */
export function updateFactSources(
  before: PartialFacts,
  after: PartialFacts,
  sources: Record<string, FactSource>,
  change: FactSource,
): { sources: Record<string, FactSource>; changed: string[] } {
  const oldPaths = factPaths(before);
  const newPaths = factPaths(after);
  const next: Record<string, FactSource> = {};
  const changed: string[] = [];
  for (const [path, value] of newPaths) {
    if (oldPaths.get(path) === value && sources[path]) {
      next[path] = sources[path];
    } else {
      next[path] = change;
      if (oldPaths.get(path) !== value) changed.push(path);
    }
  }
  for (const path of oldPaths.keys()) if (!newPaths.has(path)) changed.push(path);
  return { sources: next, changed: changed.sort() };
}

/** The cause as the register filters on it, kept beside the facts. */
export function causeOf(facts: PartialFacts): string | null {
  const breach = facts.breach as { cause?: unknown } | undefined;
  return typeof breach?.cause === 'string' ? breach.cause : null;
}
