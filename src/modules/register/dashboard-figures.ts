import { countdown, obligationLabels, type Obligation } from '../clocks/index.ts';
import type { IsoInstant } from '../../shared/time.ts';
import { monthOf, monthsEndingAt } from './register-period.ts';
import type { DeadlineAtRisk, MonthCount, RegisterEntry } from './register.schemas.ts';

const HOUR_MS = 3_600_000;

/** Hours from awareness to the first authority notification, to one decimal, for every case that has both. */
export function hoursToAuthority(entries: readonly RegisterEntry[]): Array<{ reference: string; hours: number }> {
  return entries.flatMap((entry) => {
    if (!entry.awareAt || !entry.authorityNotifiedAt) return [];
    const hours = (Date.parse(entry.authorityNotifiedAt) - Date.parse(entry.awareAt)) / HOUR_MS;
    return [{ reference: entry.reference, hours: Math.round(hours * 10) / 10 }];
  });
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The fraction of cases notified within the deadline, among those where it is settled: notified (on
 * time or late) or past the deadline without a notification. Cases with a clock still running or without
 * a duty to notify do not count either way.
 */
export function shareNotifiedOnTime(entries: readonly RegisterEntry[]): number | null {
  const settled = entries.filter((entry) => entry.notifiedOnTime !== null);
  if (settled.length === 0) return null;
  return settled.filter((entry) => entry.notifiedOnTime === true).length / settled.length;
}

export interface MonthlyCase {
  /** Awareness, or the case's creation when awareness is unknown. */
  at: IsoInstant;
  notified: boolean;
}

/** Cases per calendar month in the organisation's time zone, for the `count` months up to now, oldest first. */
export function casesPerMonth(cases: readonly MonthlyCase[], now: IsoInstant, timeZone: string, count = 12): MonthCount[] {
  const months = new Map(monthsEndingAt(now, timeZone, count).map((month) => [month, { month, notified: 0, notNotified: 0 }]));
  for (const item of cases) {
    const bucket = months.get(monthOf(item.at, timeZone));
    if (!bucket) continue;
    if (item.notified) bucket.notified += 1;
    else bucket.notNotified += 1;
  }
  return [...months.values()];
}

export interface OpenCaseClocks {
  caseId: string;
  reference: string;
  title: string;
  obligations: readonly Obligation[];
}

/** Every running clock of the open cases, the soonest (or longest overdue) first. */
export function deadlinesAtRisk(cases: readonly OpenCaseClocks[], now: IsoInstant, limit = 50): DeadlineAtRisk[] {
  const rows: DeadlineAtRisk[] = [];
  for (const item of cases) {
    for (const obligation of item.obligations) {
      const clock = countdown(obligation, now);
      if (!clock.running || obligation.dueAt === null || clock.remainingMs === null) continue;
      rows.push({
        caseId: item.caseId,
        reference: item.reference,
        title: item.title,
        obligation: obligation.id,
        label: { nl: obligationLabels[obligation.id].nl.title, en: obligationLabels[obligation.id].en.title },
        dueAt: obligation.dueAt,
        severity: clock.severity,
        remainingMs: clock.remainingMs,
        overdue: clock.overdue,
      });
    }
  }
  rows.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.reference.localeCompare(b.reference));
  return rows.slice(0, limit);
}
