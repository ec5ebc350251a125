import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import type { I18n } from '../i18n/i18n.tsx';
import { isMessageKey } from '../i18n/translate.ts';

/** A sentence a person can act on, in their language, for any failure. */
export function describeError(error: unknown, t: I18n['t']): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return t(key);
    return t('error.generic', { message: error.message });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** Field problems reported by the server, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.field.split('.')[0] ?? '';
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}

export function ErrorMessage({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p className="message message-error" role="alert" id={id}>
      {children}
    </p>
  );
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="message message-success" role="status">
      {children}
    </p>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
