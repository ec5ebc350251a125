import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './datetime-input.ts';

describe('datetime inputs in Dutch time', () => {
  it('shows UTC moments in winter and summer time', () => {
    expect(toLocalInput('2026-01-15T10:00:00.000Z')).toBe('2026-01-15T11:00');
    expect(toLocalInput('2026-07-01T10:00:00.000Z')).toBe('2026-07-01T12:00');
    expect(toLocalInput(null)).toBe('');
  });

  it('reads entered Dutch time back as UTC, around the spring change too', () => {
    expect(fromLocalInput('2026-01-15T11:00')).toBe('2026-01-15T10:00:00.000Z');
    expect(fromLocalInput('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalInput('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(fromLocalInput('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInput('2028-02-29T23:59')).toBe('2028-02-29T22:59:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('round-trips', () => {
    const iso = '2026-10-25T03:15:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });
});
