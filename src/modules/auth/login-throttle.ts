import { hashSecret } from './secret-hash.ts';

export interface ThrottleState {
  key: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

export type ThrottleKind = 'email' | 'ip';

/**
 * Failures allowed before the first lock. An address is shared by many people behind one NAT, so it gets
 * more room than a single account does.
 */
export const freeFailures: Record<ThrottleKind, number> = { email: 5, ip: 20 };
export const firstLockSeconds = 60;
export const longestLockSeconds = 3_600;
/** A failure this long after the previous one starts the count afresh. */
export const forgetAfterMs = 24 * 3_600_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keys are hashed: the throttle table must not become a list of e-mail addresses and IPs. */
export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${hashSecret(kind === 'email' ? normaliseEmail(value) : value)}`;
}

export function lockSeconds(kind: ThrottleKind, failures: number): number {
  const beyond = failures - freeFailures[kind];
  if (beyond < 0) return 0;
  return Math.min(firstLockSeconds * 2 ** Math.min(beyond, 16), longestLockSeconds);
}

/** The state after one more failed attempt at `now`. */
export function recordFailure(kind: ThrottleKind, key: string, previous: ThrottleState | undefined, now: Date): ThrottleState {
  const stale = !previous || now.getTime() - Date.parse(previous.lastFailureAt) > forgetAfterMs;
  const failures = (stale ? 0 : previous.failures) + 1;
  const seconds = lockSeconds(kind, failures);
  return {
    key,
    failures,
    lastFailureAt: now.toISOString(),
    lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null,
  };
}

/** Whole seconds until every lock among `states` has passed; 0 when none applies. */
export function secondsUntilUnlocked(states: ThrottleState[], now: Date): number {
  let latest = 0;
  for (const state of states) {
    if (state.lockedUntil) latest = Math.max(latest, Date.parse(state.lockedUntil) - now.getTime());
  }
  return latest > 0 ? Math.ceil(latest / 1000) : 0;
}
