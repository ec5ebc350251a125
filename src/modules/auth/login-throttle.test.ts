import { describe, expect, it } from 'vitest';
import { lockSeconds, recordFailure, secondsUntilUnlocked, throttleKey } from './login-throttle.ts';
import { isSessionExpired, needsTouch } from './session-lifetime.ts';

const at = (iso: string) => new Date(iso);

describe('login throttle', () => {
  it('lets five failures of an account pass, then locks 1 minute, doubling up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => lockSeconds('email', n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => lockSeconds('email', n))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(lockSeconds('ip', 19)).toBe(0);
    expect(lockSeconds('ip', 20)).toBe(60);
  });

  it('counts failures and forgets them a day after the last one', () => {
    let state = recordFailure('email', 'k', undefined, at('2026-01-01T10:00:00Z'));
    for (let i = 0; i < 4; i += 1) state = recordFailure('email', 'k', state, at('2026-01-01T10:00:00Z'));
    expect(state).toMatchObject({ failures: 5, lockedUntil: '2026-01-01T10:01:00.000Z' });
    expect(secondsUntilUnlocked([state], at('2026-01-01T10:00:30.200Z'))).toBe(30);
    expect(secondsUntilUnlocked([state], at('2026-01-01T10:01:00Z'))).toBe(0);
    expect(recordFailure('email', 'k', state, at('2026-01-02T10:00:01Z'))).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('keys the same account alike whatever the case, and never stores the address itself', () => {
    expect(throttleKey('email', ' Ann@Example.test')).toBe(throttleKey('email', 'ann@example.test'));
    expect(throttleKey('email', 'ann@example.test')).not.toContain('ann');
    expect(throttleKey('ip', '10.0.0.1')).not.toBe(throttleKey('email', '10.0.0.1'));
  });
});

describe('session lifetime', () => {
  const limits = { idleMinutes: 30, absoluteHours: 8 };
  const session = { lastSeenAt: '2026-01-01T10:00:00.000Z', expiresAt: '2026-01-01T18:00:00.000Z' };

  it('expires after the idle time or at the absolute end, whichever comes first', () => {
    expect(isSessionExpired(session, at('2026-01-01T10:29:59Z'), limits)).toBe(false);
    expect(isSessionExpired(session, at('2026-01-01T10:30:00Z'), limits)).toBe(true);
    expect(isSessionExpired({ ...session, lastSeenAt: '2026-01-01T17:59:00Z' }, at('2026-01-01T18:00:00Z'), limits)).toBe(true);
  });

  it('writes last_seen_at at most once a minute', () => {
    expect(needsTouch(session, at('2026-01-01T10:00:59Z'))).toBe(false);
    expect(needsTouch(session, at('2026-01-01T10:01:00Z'))).toBe(true);
  });
});
