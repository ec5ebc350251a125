export interface SessionTimes {
  lastSeenAt: string;
  /** The absolute end, fixed at sign-in. */
  expiresAt: string;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

/** last_seen_at is written at most this often, so that every request does not become a write. */
export const touchIntervalMs = 60_000;

export function sessionExpiresAt(signedInAt: Date, limits: SessionLimits): Date {
  return new Date(signedInAt.getTime() + limits.absoluteHours * 3_600_000);
}

export function isSessionExpired(session: SessionTimes, now: Date, limits: SessionLimits): boolean {
  const idleUntil = Date.parse(session.lastSeenAt) + limits.idleMinutes * 60_000;
  return now.getTime() >= idleUntil || now.getTime() >= Date.parse(session.expiresAt);
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= touchIntervalMs;
}
