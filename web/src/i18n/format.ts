import type { Locale } from '../api-types.ts';

export const displayTimeZone = 'Europe/Amsterdam';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

function formatterFor(locale: Locale): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone: displayTimeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** Moments are stored as UTC; people read them in Dutch time, where the deadlines run. */
export function formatMoment(iso: string | null | undefined, locale: Locale): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(locale).format(date);
}

/** How long to wait, in the unit a person would use. */
export function waitTime(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 120 ? { unit: 'seconds', count: whole } : { unit: 'minutes', count: Math.ceil(whole / 60) };
}
