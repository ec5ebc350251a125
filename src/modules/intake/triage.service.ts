import type { Actor } from '../../http/actor.ts';
import { AppError, isAppError, notFound } from '../../shared/app-error.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { createCaseFromReport, getCaseForAttach, refreshCaseReminders } from '../cases/index.ts';
import { moveReportFilesToCase } from '../files/index.ts';
import { createReportOpener } from './report-keys.ts';
import { canTriage } from './reports.policy.ts';
import { findReportOfOrg, updateReportTriage, type ReportRow } from './reports.repository.ts';
import { triageBody, type TriageInput, type TriageResult } from './reports.schemas.ts';
import type { IntakeDeps } from './reports.service.ts';

/** The case facts a report already answers, in the case-facts format; the rest is for the investigation. */
export function factsFromReport(report: Pick<ReportRow, 'data_categories' | 'persons_min' | 'persons_max' | 'data_encrypted'>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const categories = JSON.parse(report.data_categories) as string[];
  const data: Record<string, unknown> = {};
  if (categories.length > 0) data.categories = categories;
  if (report.persons_min !== null || report.persons_max !== null) {
    const min = Number(report.persons_min ?? report.persons_max);
    data.subjects = { min, max: Number(report.persons_max ?? min) };
  }
  if (Object.keys(data).length > 0) facts.data = data;
  // A reporter's "encrypted" does not tell whether the key stayed safe: the investigation sets data.protection.
  return facts;
}

function titleFrom(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/**
 * Turns a new report into a case, attaches it to an existing one, or closes it as "not a personal data
 * breach" — which still creates a (closed) case so that the decision stays in the Art. 33(5) register.
 * Everything happens in one transaction with its audit entries.
 */
export async function triageReport(deps: IntakeDeps, actor: Actor, reportId: string, body: TriageInput): Promise<TriageResult> {
  if (!canTriage(actor)) throw notFound('report');
  const parsed = triageBody.safeParse(body);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The triage decision is invalid.', { issues: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) });
  }
  const decision = parsed.data;
  return deps.db.transaction().execute(async (tx) => {
    const stored = await findReportOfOrg(tx, actor.orgId, reportId);
    if (!stored) throw notFound('report');
    const report = await createReportOpener(tx, deps.config)(stored);
    if (report.status !== 'new') throw new AppError('conflict', `This report has already been triaged (${report.status}).`);
    const now = deps.clock.now().toISOString();
    let caseId: string;
    let status: ReportRow['status'];
    if (decision.action === 'attach') {
      const target = await getCaseForAttach(tx, actor.orgId, decision.caseId).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'not_found') throw new AppError('validation_failed', 'There is no such case.', { issues: [{ field: 'caseId', message: 'no such case' }] });
        throw error;
      });
      caseId = target.id;
      status = 'attached';
    } else {
      const notABreach = decision.action === 'not_a_breach';
      const created = await createCaseFromReport(tx, deps, actor, {
        orgId: actor.orgId,
        title: decision.action === 'new_case' && decision.title ? decision.title : titleFrom(report.description),
        summary: report.description,
        awareAt: report.created_at,
        detectedAt: report.discovered_at,
        occurredAt: report.occurred_at,
        notABreach,
        closedReason: notABreach ? decision.reason : null,
        facts: factsFromReport(report),
      });
      caseId = created.id;
      status = notABreach ? 'not_a_breach' : 'converted';
    }
    const triageReason = decision.action === 'not_a_breach' ? decision.reason : null;
    if (!(await updateReportTriage(tx, reportId, { status, case_id: caseId, triage_reason: triageReason, triaged_by: actor.userId, triaged_at: now }))) {
      throw new AppError('conflict', 'This report was triaged by someone else just now.');
    }
    await moveReportFilesToCase(tx, actor.orgId, reportId, caseId);
    // A processor's report can bring the case's clocks forward: plan the reminders again.
    if (status === 'attached') await refreshCaseReminders(tx, deps, actor.orgId, caseId);
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'report.triaged',
      subjectType: 'report',
      subjectId: reportId,
      caseId,
      details: { reference: report.reference, action: decision.action, status },
    });
    return { reportId, status, caseId };
  });
}
