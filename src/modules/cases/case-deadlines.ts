import {
  computeDeadlines,
  countdown,
  nis2EntitySchema,
  obligationLabels,
  riskOutcomeSchema,
  sectorSchema,
  type CountdownSeverity,
  type Obligation,
  type ObligationId,
  type ObligationStatus,
  type Recipient,
} from '../clocks/index.ts';

/** What the clocks of one case depend on, gathered from the case, its organisation, reports and notifications. */
export interface CaseClockFacts {
  sector: string;
  nis2: string;
  timeZone: string;
  awareAt: string | null;
  detectedAt: string | null;
  riskOutcome: string | null;
  /** Present when a processor reported the breach: when it became aware and told the controller. */
  processor: { awareAt: string | null; reportedAt: string | null; deadlineHours: number } | null;
  notifications: ReadonlyArray<{ partyId: string | null; obligation: string; kind: string; sentAt: string; delayReason: string | null }>;
}

export interface DeadlineRow {
  partyId: string | null;
  obligation: ObligationId;
  label: { nl: string; en: string };
  recipient: Recipient;
  dueAt: string | null;
  status: ObligationStatus;
  notifiedAt: string | null;
  delayReasonRequired: boolean;
  remainingMs: number | null;
  overdue: boolean;
  severity: CountdownSeverity;
}

/**
 * The obligations of one party of a case. A notification that names no party counts for every party; one
 * that names a party counts for that party only, so each brand keeps its own clocks. A withdrawal meets nothing.
 */
export function obligationsOfParty(facts: CaseClockFacts, partyId: string | null, now: Date): Obligation[] {
  if (!facts.awareAt) return [];
  const riskOutcome = riskOutcomeSchema.safeParse(facts.riskOutcome);
  const notificationsRecorded = facts.notifications
    .filter((n) => n.kind !== 'withdrawal' && (n.partyId === null || n.partyId === partyId))
    .map((n) => ({ obligation: n.obligation as ObligationId, at: n.sentAt, ...(n.delayReason ? { delayReason: n.delayReason } : {}) }));
  return computeDeadlines(
    {
      profile: { sector: sectorSchema.catch('other').parse(facts.sector), nis2: nis2EntitySchema.catch('none').parse(facts.nis2) },
      awareAt: facts.awareAt,
      ...(facts.detectedAt ? { detectedAt: facts.detectedAt } : {}),
      ...(facts.processor?.awareAt ? { processorAwareAt: facts.processor.awareAt } : {}),
      ...(facts.processor?.awareAt && facts.processor.reportedAt ? { processorReportedAt: facts.processor.reportedAt } : {}),
      ...(facts.processor ? { processorDeadlineHours: facts.processor.deadlineHours } : {}),
      ...(riskOutcome.success ? { riskOutcome: riskOutcome.data } : {}),
      notificationsRecorded,
      timeZone: facts.timeZone,
    },
    now,
  );
}

/** Every clock of every party side by side, with its countdown; a case without parties gets one set. */
export function caseDeadlines(facts: CaseClockFacts, partyIds: readonly string[], now: Date): DeadlineRow[] {
  const parties: Array<string | null> = partyIds.length > 0 ? [...partyIds] : [null];
  return parties.flatMap((partyId) =>
    obligationsOfParty(facts, partyId, now).map((obligation) => {
      const clock = countdown(obligation, now);
      return {
        partyId,
        obligation: obligation.id,
        label: { nl: obligationLabels[obligation.id].nl.title, en: obligationLabels[obligation.id].en.title },
        recipient: obligation.recipient,
        dueAt: obligation.dueAt,
        status: obligation.status,
        notifiedAt: obligation.notifiedAt,
        delayReasonRequired: obligation.delayReasonRequired,
        remainingMs: clock.remainingMs,
        overdue: clock.overdue,
        severity: clock.severity,
      };
    }),
  );
}

export interface NextDeadline {
  obligation: ObligationId;
  dueAt: string;
  severity: CountdownSeverity;
  overdue: boolean;
}

/** The clock that runs out first among those still waiting for a notification; none for a closed case. */
export function nextDeadline(rows: readonly DeadlineRow[], state: string): NextDeadline | null {
  if (state === 'closed') return null;
  let next: DeadlineRow | null = null;
  for (const row of rows) {
    if (row.dueAt === null || row.notifiedAt !== null || (row.status !== 'open' && row.status !== 'overdue')) continue;
    if (next === null || Date.parse(row.dueAt) < Date.parse(next.dueAt!)) next = row;
  }
  return next ? { obligation: next.obligation, dueAt: next.dueAt!, severity: next.severity, overdue: next.overdue } : null;
}

/** The distinct deadlines still to be met, for reminders: one per obligation and moment across parties. */
export function openDeadlines(rows: readonly DeadlineRow[]): Array<{ obligation: ObligationId; dueAt: string }> {
  const seen = new Map<string, { obligation: ObligationId; dueAt: string }>();
  for (const row of rows) {
    if (row.status !== 'open' || row.dueAt === null) continue;
    seen.set(`${row.obligation}|${row.dueAt}`, { obligation: row.obligation, dueAt: row.dueAt });
  }
  return [...seen.values()];
}
