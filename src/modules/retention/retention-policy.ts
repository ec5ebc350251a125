export const defaultRetentionDays = 365;
const day = 24 * 3_600_000;

/** The moment a closed case's personal data becomes due for purging. */
export function purgeDueAt(closedAt: string, retentionDays: number): Date {
  return new Date(Date.parse(closedAt) + retentionDays * day);
}

/** A case is due once it has been closed longer than the organisation's retention period. */
export function isDueForPurge(closedAt: string | null, retentionDays: number, now: Date): boolean {
  if (!closedAt) return false;
  return purgeDueAt(closedAt, retentionDays).getTime() <= now.getTime();
}

/** The next daily run: the next 03:00 UTC after `now`, a quiet hour for most of Europe. */
export function nextDailyRun(now: Date, hourUtc = 3): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
