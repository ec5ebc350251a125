export * from './clocks.schemas.ts';
export { computeDeadlines, parseClockInput, requiresDelayReason } from './compute-deadlines.ts';
export { countdown, CRITICAL_BELOW_MS, WARNING_BELOW_MS } from './countdown.ts';
export { formatDeadline, formatRemaining, type DisplayLocale } from './format-deadline.ts';
export { notApplicableReasonLabels, obligationLabels, recipientLabels, startMomentLabels, statusLabels, type ObligationLabel } from './clocks.labels.ts';
export { obligationOrder, obligationRules, type ObligationRule } from './obligation-rules.ts';
export { addCalendarMonths, addElapsedHours, toWallTime, utcOffsetMs, type WallTime } from './zoned-calendar.ts';
