import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../register/index.ts';
import type { ProgressView } from './campaigns.schemas.ts';
import type { FailureRow, SendTimeline } from './campaign-files.repository.ts';
import type { Campaign } from './notifications.types.ts';

export interface ReportFailure {
  /** The outbox row id: enough for the regulator file, and it leads back to the person only inside Breachdesk. */
  reference: string;
  channel: string;
  state: string;
  attempts: number;
  reason: string;
  at: string;
  /** Only when the officer asked for contact details: the address the failed channel used. */
  contact?: string;
}

export interface DeliveryReport {
  campaign: Pick<Campaign, 'id' | 'caseId' | 'name' | 'brand' | 'state' | 'approvedBy' | 'approvedAt' | 'startedAt' | 'finishedAt'>;
  caseReference: string;
  generatedAt: string;
  progress: ProgressView;
  timeline: SendTimeline;
  failures: ReportFailure[];
}

/**
 * Mail servers quote the refused address in their reply ("550 <jan@example.nl>: no such user"); the report
 * keeps the reason but not the address or number, which the row reference already stands for.
 */
export function redactReason(reason: string): string {
  return reason
    .replace(/[^\s<>"'()[\]:;,]+@[^\s<>"'()[\]:;,]+/g, '[address]')
    .replace(/\+?\d[\d ()-]{7,}\d/g, '[number]')
    .slice(0, 500);
}

export function toReportFailure(row: FailureRow, contact?: string): ReportFailure {
  return {
    reference: row.id,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    reason: contact === undefined ? redactReason(row.last_response ?? '') : (row.last_response ?? '').slice(0, 500),
    at: row.updated_at,
    ...(contact === undefined ? {} : { contact }),
  };
}

const summaryMetrics = ['people', 'sent', 'pending', 'failed', 'claimed_twice'] as const;

export function summaryOf(progress: ProgressView): Record<(typeof summaryMetrics)[number], number> {
  return { people: progress.total, sent: progress.sent, pending: progress.pending, failed: progress.failed, claimed_twice: progress.claimedTwice };
}

/**
 * One CSV with a `section` column (summary, count, hour, failure) so that the regulator file holds a single
 * self-describing table; RFC 4180 with CRLF and a BOM, as the register export.
 */
export function deliveryReportCsv(report: DeliveryReport, options: { withContact: boolean }): string {
  const header = ['section', 'channel', 'state', 'hour', 'count', 'reference', 'attempts', 'at', 'reason', ...(options.withContact ? ['contact'] : [])];
  const row = (values: Partial<Record<string, string | number>>) => header.map((column) => {
    const value = values[column];
    return typeof value === 'number' ? value : neutraliseFormula(value ?? '');
  });
  const rows: Array<Array<string | number>> = [];
  const summary = summaryOf(report.progress);
  for (const metric of summaryMetrics) rows.push(row({ section: 'summary', state: metric, count: summary[metric] }));
  rows.push(row({ section: 'summary', state: 'first_sent', at: report.timeline.firstSentAt ?? '' }));
  rows.push(row({ section: 'summary', state: 'last_sent', at: report.timeline.lastSentAt ?? '' }));
  for (const [channel, states] of Object.entries(report.progress.byChannel).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [state, count] of Object.entries(states).sort(([a], [b]) => a.localeCompare(b))) rows.push(row({ section: 'count', channel, state, count }));
  }
  for (const hour of report.timeline.perHour) rows.push(row({ section: 'hour', hour: `${hour.hour}:00Z`, count: hour.count }));
  for (const failure of report.failures) {
    rows.push(row({ section: 'failure', channel: failure.channel, state: failure.state, reference: failure.reference, attempts: failure.attempts, at: failure.at, reason: failure.reason, contact: failure.contact ?? '' }));
  }
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
