import type { Actor } from '../../http/actor.ts';
import type { ReportFilter } from './reports.repository.ts';

const triagers = new Set(['admin', 'privacy_officer', 'security_analyst']);

/**
 * Which reports an actor may read, as a filter on its own organisation's reports; null for none.
 * Triagers and auditors see all; a staff reporter only what it reported; a processor only its own.
 */
export function readableReports(actor: Actor): Omit<ReportFilter, 'status'> | null {
  if (actor.apiTokenId) return null;
  if (triagers.has(actor.role) || actor.role === 'auditor') return {};
  if (actor.role === 'staff_reporter') return { reporterUserId: actor.userId };
  if (actor.role === 'processor') return actor.processorOrgId ? { processorOrgId: actor.processorOrgId } : null;
  return null;
}

export function canTriage(actor: Actor): boolean {
  return !actor.apiTokenId && triagers.has(actor.role);
}

/** Everyone but the read-only auditor may report; a token may too (that is what it is for). */
export function canReport(actor: Actor): boolean {
  return actor.role !== 'auditor';
}

export function canIssueProcessorReportLinks(actor: Actor): boolean {
  return !actor.apiTokenId && (actor.role === 'admin' || actor.role === 'privacy_officer');
}
