import type { IsoInstant } from '../../shared/time.ts';

const HOUR_MS = 3_600_000;

/** A local wall-clock reading in some time zone. */
export interface WallTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * Legal hour periods count elapsed time, so they are plain UTC arithmetic: 72 hours across a daylight
 * saving change ends at a different local wall time than it started.
 */
export function addElapsedHours(instant: IsoInstant, hours: number): IsoInstant {
  return new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();
}

/**
 * A calendar month is counted on the local calendar: the same day and wall time in the next month, or the
 * month's last day when it is shorter (31 January -> 28 or 29 February).
 */
export function addCalendarMonths(instant: IsoInstant, months: number, timeZone: string): IsoInstant {
  const start = toWallTime(instant, timeZone);
  const monthIndex = start.month - 1 + months;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const day = Math.min(start.day, daysInMonth(year, month));
  return fromWallTime({ ...start, year, month, day }, timeZone);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock reading of an instant in a time zone. */
export function toWallTime(instant: IsoInstant, timeZone: string): WallTime {
  const ms = Date.parse(instant);
  const parts = wallParts(ms, timeZone);
  return { ...parts, millisecond: ((ms % 1000) + 1000) % 1000 };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Amsterdam: +1 h in winter, +2 h in summer). */
export function utcOffsetMs(instant: IsoInstant, timeZone: string): number {
  return offsetAt(Date.parse(instant), timeZone);
}

/**
 * The instant a wall-clock reading denotes. A reading skipped by the spring change (02:30 on the last
 * Sunday of March in Amsterdam) moves forward by the gap; a reading that occurs twice in autumn takes the
 * earlier instant, so a deadline never lands later than the law allows.
 */
export function fromWallTime(wall: WallTime, timeZone: string): IsoInstant {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const candidates = [...new Set([offsetAt(asIfUtc - 12 * HOUR_MS, timeZone), offsetAt(asIfUtc + 12 * HOUR_MS, timeZone)])].map(
    (offset) => asIfUtc - offset,
  );
  const exact = candidates.filter((ms) => offsetAt(ms, timeZone) === asIfUtc - ms);
  const chosen = exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
  return new Date(chosen).toISOString();
}

function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const parts = wallParts(wholeSecond, timeZone);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - wholeSecond;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(ms: number, timeZone: string): Omit<WallTime, 'millisecond'> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const values: Record<string, string> = {};
  for (const part of formatter.formatToParts(ms)) values[part.type] = part.value;
  const year = Number(values.year);
  return {
    year: values.era === 'BC' ? 1 - year : year,
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
  };
}
