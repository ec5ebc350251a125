import { describe, expect, it } from 'vitest';
import { formatDuration, labelText, remainingMs, urgencyOf } from './countdown.ts';

const hour = 3_600_000;

describe('urgencyOf', () => {
  it('is red under six hours and when overdue, amber under a day', () => {
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('critical');
    expect(urgencyOf(6 * hour - 1)).toBe('critical');
    expect(urgencyOf(6 * hour)).toBe('warning');
    expect(urgencyOf(24 * hour - 1)).toBe('warning');
    expect(urgencyOf(24 * hour)).toBe('ok');
  });
});

describe('formatDuration', () => {
  it('uses days and hours far away, hours and minutes closer, seconds in the last hour', () => {
    expect(formatDuration(71 * hour + 30 * 60_000, 'en')).toBe('2 d 23 h');
    expect(formatDuration(5 * hour + 4 * 60_000, 'en')).toBe('5 h 04 min');
    expect(formatDuration(5 * hour + 4 * 60_000, 'nl')).toBe('5 u 04 min');
    expect(formatDuration(59 * 60_000 + 7_000, 'en')).toBe('59 min 07 s');
  });

  it('shows the size of an overrun without a sign', () => {
    expect(formatDuration(-2 * hour, 'en')).toBe('2 h 00 min');
  });
});

describe('remainingMs', () => {
  it('counts from now to the UTC deadline', () => {
    const now = Date.parse('2026-03-29T00:00:00Z');
    expect(remainingMs('2026-03-29T03:00:00Z', now)).toBe(3 * hour);
    expect(remainingMs('2026-03-28T23:00:00Z', now)).toBe(-hour);
  });
});

describe('labelText', () => {
  it('takes the text in the chosen language, whichever shape the server sends', () => {
    expect(labelText({ nl: 'Melding AP', en: 'Notify the authority' }, 'nl', 'x')).toBe('Melding AP');
    expect(labelText({ nl: { title: 'Melding' }, en: { title: 'Notification', summary: 's' } }, 'en', 'x')).toBe('Notification');
    expect(labelText(undefined, 'en', 'gdpr_authority')).toBe('gdpr_authority');
  });
});
