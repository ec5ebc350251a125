import { AppError } from '../../shared/app-error.ts';
import type { IsoInstant } from '../../shared/time.ts';
import {
  clockInputSchema,
  type ClockInput,
  type NotApplicableReason,
  type Obligation,
  type ObligationId,
  type RecordedNotification,
  type StartMoment,
} from './clocks.schemas.ts';
import { hoursOf, obligationRules } from './obligation-rules.ts';
import { addCalendarMonths, addElapsedHours } from './zoned-calendar.ts';

type ParsedInput = ReturnType<typeof clockInputSchema.parse>;

interface ClockStart {
  from: StartMoment;
  at: IsoInstant | null;
}

type Clock = { dueAt: IsoInstant } | { notApplicable: NotApplicableReason };

/**
 * Every clock that can apply to a breach, side by side, including those that do not apply (with the
 * reason), so a case always shows the same rows and nobody wonders whether a regime was forgotten.
 */
export function computeDeadlines(input: ClockInput, now: IsoInstant | Date): Obligation[] {
  const parsed = parseClockInput(input);
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const rows: Obligation[] = [];
  const push = (id: ObligationId, start: ClockStart, clock: Clock) => {
    rows.push(evaluate(id, start, clock, earliestNotification(parsed, id), nowMs));
  };
  const runsUntil = (dueAt: IsoInstant, exclusion: NotApplicableReason | null): Clock =>
    exclusion === null ? { dueAt } : { notApplicable: exclusion };

  // Art. 33(1): no notification when the breach is unlikely to result in a risk; it is still documented (art. 33(5)).
  push(
    'gdpr_authority',
    { from: 'awareness', at: parsed.awareAt },
    runsUntil(addElapsedHours(parsed.awareAt, hoursOf('gdpr_authority')), parsed.riskOutcome === 'none' ? 'risk_unlikely' : null),
  );

  // The ePrivacy duty has no risk threshold: a telecom provider notifies every personal data breach.
  const telecomExclusion = parsed.profile.sector === 'telecom' ? null : 'not_telecom_provider';
  const detectedAt = parsed.detectedAt ?? parsed.awareAt;
  const telecomInitialDue = addElapsedHours(detectedAt, hoursOf('telecom_initial'));
  push(
    'telecom_initial',
    { from: parsed.detectedAt ? 'detection' : 'awareness', at: detectedAt },
    runsUntil(telecomInitialDue, telecomExclusion),
  );
  const initialSent = earliestNotification(parsed, 'telecom_initial');
  const completeStart: ClockStart & { at: IsoInstant } = initialSent
    ? { from: 'telecom_initial_notification', at: initialSent.at }
    : { from: 'telecom_initial_deadline', at: telecomInitialDue };
  push('telecom_complete', completeStart, runsUntil(addElapsedHours(completeStart.at, hoursOf('telecom_complete')), telecomExclusion));

  const nis2Exclusion: NotApplicableReason | null =
    parsed.profile.nis2 === 'none' ? 'not_nis2_entity' : parsed.nis2Significant === false ? 'nis2_not_significant' : null;
  const awareness: ClockStart = { from: 'awareness', at: parsed.awareAt };
  push('nis2_early_warning', awareness, runsUntil(addElapsedHours(parsed.awareAt, hoursOf('nis2_early_warning')), nis2Exclusion));
  push('nis2_notification', awareness, runsUntil(addElapsedHours(parsed.awareAt, hoursOf('nis2_notification')), nis2Exclusion));
  const nis2Sent = earliestNotification(parsed, 'nis2_notification');
  push(
    'nis2_final_report',
    { from: 'nis2_notification', at: nis2Sent?.at ?? null },
    nis2Sent
      ? runsUntil(addCalendarMonths(nis2Sent.at, 1, parsed.timeZone), nis2Exclusion)
      : { notApplicable: nis2Exclusion ?? 'awaiting_nis2_notification' },
  );

  const processorAwareAt = parsed.processorAwareAt;
  push(
    'processor_to_controller',
    { from: 'processor_awareness', at: processorAwareAt ?? null },
    processorAwareAt
      ? { dueAt: addElapsedHours(processorAwareAt, parsed.processorDeadlineHours) }
      : { notApplicable: 'no_processor_involved' },
  );

  return rows;
}

/**
 * Whether recording a notification at this moment needs a reason for the delay (GDPR art. 33(1), last
 * sentence). A notification at exactly the deadline is on time.
 */
export function requiresDelayReason(obligation: Obligation, notifiedAt: IsoInstant | Date): boolean {
  if (obligation.status === 'not_applicable' || obligation.dueAt === null) return false;
  const notifiedMs = typeof notifiedAt === 'string' ? Date.parse(notifiedAt) : notifiedAt.getTime();
  return notifiedMs > Date.parse(obligation.dueAt);
}

/** Validates and completes clock input; a bad value is the caller's error, named by field. */
export function parseClockInput(input: ClockInput): ParsedInput {
  const result = clockInputSchema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', 'The moments given for the deadlines are not valid.', {
    issues: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  });
}

function evaluate(
  id: ObligationId,
  start: ClockStart,
  clock: Clock,
  notification: RecordedNotification | null,
  nowMs: number,
): Obligation {
  const rule = obligationRules[id];
  const base = {
    id,
    legalBasis: rule.legalBasis,
    recipient: rule.recipient,
    startsFrom: start.from,
    startedAt: start.at,
    notifiedAt: notification?.at ?? null,
    delayReason: notification?.delayReason ?? null,
  };
  if ('notApplicable' in clock) {
    return { ...base, dueAt: null, status: 'not_applicable', notApplicableReason: clock.notApplicable, delayReasonRequired: false };
  }
  const dueMs = Date.parse(clock.dueAt);
  const status = notification
    ? Date.parse(notification.at) <= dueMs
      ? 'met'
      : 'met_late'
    : nowMs > dueMs
      ? 'overdue'
      : 'open';
  return {
    ...base,
    dueAt: clock.dueAt,
    status,
    notApplicableReason: null,
    delayReasonRequired: status === 'met_late' || status === 'overdue',
  };
}

/** The first notification for an obligation meets it; later ones supplement it (GDPR art. 33(4)). */
function earliestNotification(input: ParsedInput, id: ObligationId): RecordedNotification | null {
  const candidates = input.notificationsRecorded.filter((n) => n.obligation === id);
  if (id === 'processor_to_controller' && input.processorReportedAt) {
    candidates.push({ obligation: id, at: input.processorReportedAt });
  }
  let earliest: RecordedNotification | null = null;
  for (const candidate of candidates) {
    if (earliest === null || Date.parse(candidate.at) < Date.parse(earliest.at)) earliest = candidate;
  }
  return earliest;
}
