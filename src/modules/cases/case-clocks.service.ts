import type { DbOrTx } from '../../db/database.ts';
import type { CaseRow, Organisation } from '../../db/schema.ts';
import { DEFAULT_PROCESSOR_DEADLINE_HOURS } from '../clocks/index.ts';
import { caseDeadlines, openDeadlines, type CaseClockFacts, type DeadlineRow } from './case-deadlines.ts';
import { findOrganisationRow, findProcessorReportOfCase, listNotificationsOfCase, listPartiesOfCase } from './cases.repository.ts';

/** Gathers what the clocks of a case depend on: its moments, its organisation's profile, processor reports, notifications. */
export async function loadClockFacts(db: DbOrTx, row: CaseRow, organisation?: Organisation): Promise<CaseClockFacts> {
  const org = organisation ?? (await findOrganisationRow(db, row.org_id));
  const processor = await findProcessorReportOfCase(db, row.org_id, row.id);
  const notifications = await listNotificationsOfCase(db, row.id);
  return {
    sector: org?.sector ?? 'other',
    nis2: org?.nis2 ?? 'none',
    timeZone: org?.time_zone ?? 'Europe/Amsterdam',
    awareAt: row.aware_at,
    detectedAt: row.detected_at,
    riskOutcome: row.risk_outcome,
    processor: processor
      ? { awareAt: processor.processorAwareAt, reportedAt: processor.processorReportedAt, deadlineHours: processor.deadlineHours ?? DEFAULT_PROCESSOR_DEADLINE_HOURS }
      : null,
    notifications: notifications.map((n) => ({ partyId: n.party_id, obligation: n.obligation, kind: n.kind, sentAt: n.sent_at, delayReason: n.delay_reason })),
  };
}

export async function loadCaseDeadlines(db: DbOrTx, row: CaseRow, now: Date, organisation?: Organisation): Promise<DeadlineRow[]> {
  const facts = await loadClockFacts(db, row, organisation);
  const parties = await listPartiesOfCase(db, row.id);
  return caseDeadlines(facts, parties.map((p) => p.id), now);
}

export { openDeadlines };
