/**
 * The one error type services throw. The code is a closed set; the HTTP layer alone maps it to a status,
 * so that a service never knows it is being called over HTTP.
 */
export const errorCodes = {
  validation_failed: 400,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_authenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  /** Signed in, but the organisation requires a second factor for this role and none is set up yet. */
  mfa_enrolment_required: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. `brands.0.name`; empty for the whole request. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** Extra, non-personal facts the client may act on (e.g. seconds to wait). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

export function statusForCode(code: ErrorCode): number {
  return errorCodes[code];
}

/** Anything the caller may not see answers exactly like something that does not exist. */
export function notFound(what = 'resource'): AppError {
  return new AppError('not_found', `This ${what} does not exist.`);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
