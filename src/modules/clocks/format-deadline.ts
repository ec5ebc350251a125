import type { IsoInstant } from '../../shared/time.ts';

export type DisplayLocale = 'nl' | 'en';

const intlLocale: Record<DisplayLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A deadline as people read it, in local time with the zone's abbreviation (CET/CEST), so that a deadline
 * across a daylight saving change shows why its wall time moved: `ma 30 mrt 2026, 11:00 CEST`.
 */
export function formatDeadline(instant: IsoInstant, timeZone: string, locale: DisplayLocale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

const units: Record<DisplayLocale, { day: string; hour: string; minute: string; left: string; overdue: string }> = {
  nl: { day: 'd', hour: 'u', minute: 'min', left: 'nog {t}', overdue: '{t} te laat' },
  en: { day: 'd', hour: 'h', minute: 'min', left: '{t} left', overdue: '{t} overdue' },
};

/** A countdown in words (`nog 2 d 5 u`, `3 h 20 min overdue`), rounded down to whole minutes. */
export function formatRemaining(remainingMs: number, locale: DisplayLocale): string {
  const u = units[locale];
  const totalMinutes = Math.floor(Math.abs(remainingMs) / 60_000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const pieces = days > 0 ? [`${days} ${u.day}`, `${hours} ${u.hour}`] : hours > 0 ? [`${hours} ${u.hour}`, `${minutes} ${u.minute}`] : [`${minutes} ${u.minute}`];
  return (remainingMs < 0 ? u.overdue : u.left).replace('{t}', pieces.join(' '));
}
