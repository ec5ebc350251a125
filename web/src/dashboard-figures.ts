import type { Dashboard } from './api-types.ts';
import { caseStates } from './api-types.ts';

/** The share may arrive as a fraction (0.8) or as a percentage (80); people read a whole percentage. */
export function sharePercent(share: number | null): number | null {
  if (share === null || !Number.isFinite(share)) return null;
  return Math.round(share <= 1 ? share * 100 : share);
}

/** Open cases in lifecycle order, known states first, anything else after, zero counts left out. */
export function openStateCounts(byState: Dashboard['openCasesByState']): { state: string; count: number }[] {
  const known: readonly string[] = caseStates;
  const order = [...known, ...Object.keys(byState).filter((s) => !known.includes(s)).sort()];
  return order.filter((state) => (byState[state] ?? 0) > 0).map((state) => ({ state, count: byState[state] ?? 0 }));
}

export function totalOpen(byState: Dashboard['openCasesByState']): number {
  return Object.entries(byState)
    .filter(([state]) => state !== 'closed')
    .reduce((sum, [, count]) => sum + count, 0);
}

/** '2026-03' as "mrt 2026" / "Mar 2026"; the month is a calendar month, so no time zone shift applies. */
export function monthLabel(month: string, locale: 'nl' | 'en'): string {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) return month;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, mon - 1, 15)),
  );
}
