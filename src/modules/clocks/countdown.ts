import type { IsoInstant } from '../../shared/time.ts';
import type { Countdown, CountdownSeverity, Obligation } from './clocks.schemas.ts';

const HOUR_MS = 3_600_000;
export const WARNING_BELOW_MS = 24 * HOUR_MS;
export const CRITICAL_BELOW_MS = 6 * HOUR_MS;

/** Time left on an obligation's clock at `now`; the clock stops once the notification is recorded. */
export function countdown(obligation: Obligation, now: IsoInstant | Date): Countdown {
  if (obligation.dueAt === null || obligation.notifiedAt !== null) {
    return { running: false, remainingMs: null, overdue: false, severity: 'ok' };
  }
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const remainingMs = Date.parse(obligation.dueAt) - nowMs;
  // At exactly the deadline a notification is still on time, so overdue starts one millisecond later.
  const overdue = remainingMs < 0;
  return { running: true, remainingMs, overdue, severity: severityFor(remainingMs) };
}

function severityFor(remainingMs: number): CountdownSeverity {
  if (remainingMs < CRITICAL_BELOW_MS) return 'critical';
  if (remainingMs < WARNING_BELOW_MS) return 'warning';
  return 'ok';
}
