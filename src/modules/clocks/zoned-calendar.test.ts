import { describe, expect, it } from 'vitest';
import { addCalendarMonths, addElapsedHours, daysInMonth, fromWallTime, toWallTime, utcOffsetMs } from './zoned-calendar.ts';

const AMSTERDAM = 'Europe/Amsterdam';
const HOUR = 3_600_000;

describe('addElapsedHours', () => {
  it('counts elapsed hours, not wall-clock hours, over the spring change', () => {
    expect(addElapsedHours('2026-03-29T00:30:00.000Z', 2)).toBe('2026-03-29T02:30:00.000Z');
    expect(toWallTime('2026-03-29T00:30:00.000Z', AMSTERDAM)).toMatchObject({ hour: 1, minute: 30 });
    expect(toWallTime('2026-03-29T02:30:00.000Z', AMSTERDAM)).toMatchObject({ hour: 4, minute: 30 });
  });
});

describe('utcOffsetMs', () => {
  it.each([
    ['winter', '2026-01-15T12:00:00.000Z', 1],
    ['the last instant before the spring change', '2026-03-29T00:59:59.999Z', 1],
    ['the spring change', '2026-03-29T01:00:00.000Z', 2],
    ['the last instant before the autumn change', '2026-10-25T00:59:59.999Z', 2],
    ['the autumn change', '2026-10-25T01:00:00.000Z', 1],
  ])('Amsterdam in %s', (_label, instant, hours) => {
    expect(utcOffsetMs(instant, AMSTERDAM)).toBe(hours * HOUR);
  });
});

describe('fromWallTime', () => {
  const wall = { second: 0, millisecond: 0 };
  it.each([
    ['an ordinary winter time', { year: 2026, month: 1, day: 15, hour: 10, minute: 0 }, '2026-01-15T09:00:00.000Z'],
    ['an ordinary summer time', { year: 2026, month: 7, day: 15, hour: 10, minute: 0 }, '2026-07-15T08:00:00.000Z'],
    ['02:30 skipped in spring, moved forward to 03:30 CEST', { year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, '2026-03-29T01:30:00.000Z'],
    ['02:30 repeated in autumn, the earlier (CEST) one', { year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, '2026-10-25T00:30:00.000Z'],
  ])('%s', (_label, reading, instant) => {
    expect(fromWallTime({ ...reading, ...wall }, AMSTERDAM)).toBe(instant);
  });

  it('round-trips every quarter hour of the autumn change day except the repeated hour', () => {
    for (let ms = Date.parse('2026-10-24T22:00:00.000Z'); ms < Date.parse('2026-10-25T23:00:00.000Z'); ms += HOUR / 4) {
      const instant = new Date(ms).toISOString();
      const repeatedLater = ms >= Date.parse('2026-10-25T01:00:00.000Z') && ms < Date.parse('2026-10-25T02:00:00.000Z');
      const back = fromWallTime(toWallTime(instant, AMSTERDAM), AMSTERDAM);
      expect(back).toBe(repeatedLater ? new Date(ms - HOUR).toISOString() : instant);
    }
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['lands in the spring gap and moves forward', '2027-02-28T01:30:00.000Z', 1, '2027-03-28T01:30:00.000Z'],
    ['lands in the repeated autumn hour and takes the earlier one', '2026-09-25T00:30:00.000Z', 1, '2026-10-25T00:30:00.000Z'],
    ['counts several months and clamps', '2026-08-31T10:00:00.000Z', 6, '2027-02-28T11:00:00.000Z'],
    ['counts twelve months into the next year', '2027-02-28T09:00:00.000Z', 12, '2028-02-28T09:00:00.000Z'],
  ])('%s', (_label, from, months, to) => {
    expect(addCalendarMonths(from, months, AMSTERDAM)).toBe(to);
  });

  it('keeps the milliseconds', () => {
    expect(addCalendarMonths('2026-06-03T14:00:00.123Z', 1, AMSTERDAM)).toBe('2026-07-03T14:00:00.123Z');
  });

  it('follows the calendar of the zone it is given', () => {
    expect(addCalendarMonths('2026-03-30T22:30:00.000Z', 1, 'UTC')).toBe('2026-04-30T22:30:00.000Z');
    expect(addCalendarMonths('2026-03-30T22:30:00.000Z', 1, AMSTERDAM)).toBe('2026-04-29T22:30:00.000Z');
  });
});

describe('daysInMonth', () => {
  it.each([
    [2028, 2, 29],
    [2027, 2, 28],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
