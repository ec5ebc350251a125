import { describe, expect, it } from 'vitest';
import { formatDeadline, formatRemaining } from './format-deadline.ts';

const HOUR = 3_600_000;

describe('formatDeadline', () => {
  // Exact punctuation differs between ICU versions (Node 20, 22, 24), so the tests look for the parts.
  it.each([
    ['summer time in Dutch', '2026-03-30T09:00:00.000Z', 'Europe/Amsterdam', 'nl', ['ma', '30', 'mrt', '2026', '11:00', 'CEST']],
    ['summer time in English', '2026-03-30T09:00:00.000Z', 'Europe/Amsterdam', 'en', ['Mon', '30', 'Mar', '2026', '11:00', 'CEST']],
    ['winter time in Dutch', '2026-10-26T08:00:00.000Z', 'Europe/Amsterdam', 'nl', ['ma', '26', 'okt', '2026', '09:00', 'CET']],
    ['late on the leap day in UTC, already 1 March in Amsterdam', '2028-02-29T23:30:00.000Z', 'Europe/Amsterdam', 'en', ['Wed', '1', 'Mar', '2028', '00:30', 'CET']],
    ['another zone', '2026-03-30T09:00:00.000Z', 'UTC', 'en', ['09:00', 'UTC']],
  ] as const)('%s', (_label, instant, zone, locale, parts) => {
    const text = formatDeadline(instant, zone, locale);
    for (const part of parts) expect(text).toMatch(new RegExp(`(^|[^\\p{L}\\d])${part}([^\\p{L}\\d]|$)`, 'u'));
  });

  it('does not show CEST for a winter deadline', () => {
    expect(formatDeadline('2026-10-26T08:00:00.000Z', 'Europe/Amsterdam', 'en')).not.toContain('CEST');
  });
});

describe('formatRemaining', () => {
  it.each([
    [2 * 24 * HOUR + 5 * HOUR + 59 * 60_000, 'nl', 'nog 2 d 5 u'],
    [2 * 24 * HOUR + 5 * HOUR, 'en', '2 d 5 h left'],
    [3 * HOUR + 20 * 60_000 + 59_999, 'en', '3 h 20 min left'],
    [59_999, 'en', '0 min left'],
    [-(3 * HOUR + 20 * 60_000), 'en', '3 h 20 min overdue'],
    [-(26 * HOUR), 'nl', '1 d 2 u te laat'],
  ] as const)('%i ms in %s reads "%s"', (ms, locale, text) => {
    expect(formatRemaining(ms, locale)).toBe(text);
  });
});
