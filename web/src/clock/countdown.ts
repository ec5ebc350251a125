import type { Locale, LocalisedLabel } from '../api-types.ts';

export type Urgency = 'overdue' | 'critical' | 'warning' | 'ok';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Under six hours a deadline is red on every screen, as the officer asked; under a day it is amber. */
export const criticalBelowMs = 6 * hour;
export const warningBelowMs = day;

export function remainingMs(dueAt: string, now: number): number {
  return new Date(dueAt).getTime() - now;
}

export function urgencyOf(remaining: number): Urgency {
  if (remaining < 0) return 'overdue';
  if (remaining < criticalBelowMs) return 'critical';
  if (remaining < warningBelowMs) return 'warning';
  return 'ok';
}

const units: Record<Locale, { d: string; h: string; m: string; s: string }> = {
  nl: { d: 'd', h: 'u', m: 'min', s: 's' },
  en: { d: 'd', h: 'h', m: 'min', s: 's' },
};

/**
 * A duration as a person reads a countdown: days and hours when far away, hours and minutes closer by,
 * seconds only in the last hour so that the display visibly moves when it matters.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const u = units[locale];
  const total = Math.abs(ms);
  const days = Math.floor(total / day);
  const hours = Math.floor((total % day) / hour);
  const minutes = Math.floor((total % hour) / minute);
  const seconds = Math.floor((total % minute) / 1000);
  if (days > 0) return `${days} ${u.d} ${hours} ${u.h}`;
  if (hours > 0) return `${hours} ${u.h} ${String(minutes).padStart(2, '0')} ${u.m}`;
  return `${minutes} ${u.m} ${String(seconds).padStart(2, '0')} ${u.s}`;
}

/** The server sends either plain text per language or a title with a summary. */
export function labelText(label: LocalisedLabel | undefined, locale: Locale, fallback: string): string {
  const value = label?.[locale];
  if (!value) return fallback;
  return typeof value === 'string' ? value : value.title;
}

export function labelSummary(label: LocalisedLabel | undefined, locale: Locale): string | undefined {
  const value = label?.[locale];
  return value && typeof value !== 'string' ? value.summary : undefined;
}
