import { AppError } from '../../shared/app-error.ts';
import { caseFactsSchema, type CaseFacts } from './case-facts.schemas.ts';

/** A field's dotted path; an empty key is shown quoted, and a problem with the whole document names it. */
function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (part === '' ? '""' : String(part))).join('.') || 'facts';
}

/** Validates case facts; every bad field is named, so an analyst can fix the file in one pass. */
export function parseCaseFacts(input: unknown): CaseFacts {
  const result = caseFactsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', 'The case facts are not valid.', {
    issues: result.error.issues.map((issue) => ({
      field: fieldOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    })),
  });
}
