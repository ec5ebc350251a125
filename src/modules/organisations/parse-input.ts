import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';

/**
 * Validates service input with the same schema the route uses, so that the command line and the HTTP API
 * reject the same things with the same field names.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  throw new AppError('validation_failed', `The input is invalid: ${issues.map((i) => `${i.field || 'input'}: ${i.message}`).join('; ')}`, { issues });
}
