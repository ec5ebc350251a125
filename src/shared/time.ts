/**
 * Every moment is stored as an ISO 8601 UTC string (`2026-11-24T09:00:00.000Z`): it sorts as text and
 * reads the same on SQLite and PostgreSQL.
 */
export type IsoInstant = string;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function toIso(date: Date): IsoInstant {
  return date.toISOString();
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function formatInZone(instant: IsoInstant | Date, timeZone: string, locale: 'nl' | 'en'): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
