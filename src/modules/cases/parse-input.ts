import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';

/** Validates input against a schema; every bad field is named in the error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', message, {
    issues: result.error.issues.map((issue) => ({
      field: issue.code === 'unrecognized_keys' ? [...issue.path.map(String), issue.keys[0]].join('.') : issue.path.map(String).join('.'),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    })),
  });
}
