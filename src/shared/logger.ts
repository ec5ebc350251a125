import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry personal data or secrets are censored wherever they appear in a log object.
 * Request bodies and query strings are never logged at all (see the request serializer in http/server).
 */
export const redactedPaths = [
  'password',
  '*.password',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'name',
  '*.name',
  'token',
  '*.token',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
