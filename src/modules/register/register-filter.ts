import { periodBounds } from './register-period.ts';
import type { RegisterQuery } from './register.schemas.ts';

/** The register query as the repository applies it: the period as UTC bounds, `notified` as a flag. */
export interface RegisterFilter {
  fromIso: string | null;
  beforeIso: string | null;
  cause?: string;
  /** A risk outcome, or 'undecided' for cases whose risk has not been assessed yet. */
  outcome?: string;
  notified?: boolean;
  state?: string;
}

export function toRegisterFilter(query: RegisterQuery, timeZone: string): RegisterFilter {
  const { fromIso, beforeIso } = periodBounds(query, timeZone);
  return {
    fromIso,
    beforeIso,
    ...(query.cause ? { cause: query.cause } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.notified ? { notified: query.notified === 'yes' } : {}),
    ...(query.state ? { state: query.state } : {}),
  };
}

const words = {
  nl: { from: 'vanaf', to: 'tot en met', cause: 'oorzaak', outcome: 'risico', notified: 'gemeld', state: 'status', yes: 'ja', no: 'nee' },
  en: { from: 'from', to: 'up to', cause: 'cause', outcome: 'risk', notified: 'notified', state: 'state', yes: 'yes', no: 'no' },
} as const;

/** The filter in words for the printed register; empty when nothing narrows it. */
export function describeFilter(query: RegisterQuery, locale: 'nl' | 'en'): string {
  const w = words[locale];
  const parts: string[] = [];
  if (query.from) parts.push(`${w.from} ${query.from}`);
  if (query.to) parts.push(`${w.to} ${query.to}`);
  if (query.cause) parts.push(`${w.cause} ${query.cause.replaceAll('_', ' ')}`);
  if (query.outcome) parts.push(`${w.outcome} ${query.outcome}`);
  if (query.notified) parts.push(`${w.notified} ${query.notified === 'yes' ? w.yes : w.no}`);
  if (query.state) parts.push(`${w.state} ${query.state}`);
  return parts.join(', ');
}

/** The filter as recorded in the audit trail: only the parameters that were given. */
export function filterForAudit(query: RegisterQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
