import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, statusForCode, type FieldIssue } from '../shared/app-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; issues: FieldIssue[]; details?: Record<string, unknown> };
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      issues: error.issues,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

function fieldPath(instancePath: string | undefined, missing: unknown): string {
  const base = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return typeof missing === 'string' && missing ? (base ? `${base}.${missing}` : missing) : base;
}

/** Turns anything thrown into an AppError: the one place where errors meet HTTP. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      field: fieldPath(v.instancePath, (v.params as { missingProperty?: unknown } | undefined)?.missingProperty) || where,
      message: v.message ?? 'is invalid',
    }));
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return new AppError('validation_failed', `The request is invalid (${where}): ${summary}`, { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'This content type is not accepted here; send application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_request', 'The Content-Length header does not match the body.');
  }
  if (error instanceof SyntaxError) return new AppError('malformed_request', 'The request body could not be read.');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 429) return new AppError('too_many_requests', 'Too many requests; wait a moment and try again.');
    return new AppError('malformed_request', fastifyError.message ?? 'The request could not be processed.');
  }
  return new AppError('internal', 'Something went wrong on our side. The error has been logged.', { cause: error });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    const status = statusForCode(appError.code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request rejected');
    if (appError.code === 'too_many_requests' && typeof appError.details?.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(appError.details.retryAfterSeconds));
    }
    return reply.status(status).send(errorBody(appError));
  });
}
