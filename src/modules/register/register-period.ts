import { toWallTime, utcOffsetMs } from '../clocks/index.ts';
import type { IsoInstant } from '../../shared/time.ts';

export interface PeriodBounds {
  /** Inclusive lower bound in UTC. */
  fromIso: IsoInstant | null;
  /** Exclusive upper bound in UTC. */
  beforeIso: IsoInstant | null;
}

const localDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A period given as local dates means whole days on the organisation's calendar: `to=2026-03-31` runs up
 * to midnight of 1 April in Amsterdam, which is 22:00 UTC in summer and 23:00 UTC in winter.
 */
export function periodBounds(period: { from?: string; to?: string }, timeZone: string): PeriodBounds {
  return {
    fromIso: period.from ? startOf(period.from, timeZone, 0) : null,
    beforeIso: period.to ? startOf(period.to, timeZone, 1) : null,
  };
}

function startOf(bound: string, timeZone: string, plusDays: number): IsoInstant {
  const match = localDate.exec(bound);
  if (!match) {
    // An exact instant: the bound itself is included, so the exclusive end lies one millisecond later.
    return new Date(Date.parse(bound) + plusDays).toISOString();
  }
  const [, year, month, day] = match;
  return localMidnight(Number(year), Number(month), Number(day) + plusDays, timeZone);
}

/** The UTC instant of 00:00 local time; Date.UTC rolls day 32 into the next month. */
export function localMidnight(year: number, month: number, day: number, timeZone: string): IsoInstant {
  const asIfUtc = Date.UTC(year, month - 1, day);
  // The offset at the guess can differ from the one at the answer near a change; a second pass settles it.
  const firstGuess = asIfUtc - utcOffsetMs(new Date(asIfUtc).toISOString(), timeZone);
  return new Date(asIfUtc - utcOffsetMs(new Date(firstGuess).toISOString(), timeZone)).toISOString();
}

/** `YYYY-MM` of an instant on the organisation's calendar. */
export function monthOf(instant: IsoInstant, timeZone: string): string {
  const wall = toWallTime(instant, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}`;
}

/** The `count` months up to and including the month of `now`, oldest first. */
export function monthsEndingAt(now: IsoInstant, timeZone: string, count: number): string[] {
  const wall = toWallTime(now, timeZone);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = wall.year * 12 + (wall.month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
