import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Actor, Role } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { refreshCaseReminders } from '../cases/index.ts';
import { computeDeadlines, nis2EntitySchema, requiresDelayReason, riskOutcomeSchema, sectorSchema, type ObligationId } from '../clocks/index.ts';
import { computeCaseAssessment, latestCaseAssessment, type AssessmentRecord } from '../risk/index.ts';
import { diffDraftSections } from './draft-diff.ts';
import { renderDraftPdf } from './draft-pdf.ts';
import { buildDraftContent, type DraftInput } from './draft-sections.ts';
import { mayOnRegulator, type RegulatorAction } from './regulator.policy.ts';
import {
  findCaseOfOrg,
  findDraftOfCase,
  findLatestSubmittedDraft,
  findOrganisationWithContact,
  findUserNames,
  insertDraft,
  insertNotification,
  listDraftsOfCase,
  listNotificationsOfCase,
  listOtherPartyNames,
  markDraftSubmitted,
  updateOrganisationContact,
  type DraftRow,
} from './regulator.repository.ts';
import type { ContactView, CreateDraftBody, DraftContent, DraftKind, DraftRegime, DraftView, SubmittedBody } from './regulator.schemas.ts';

export type RegulatorDeps = Pick<AppContext, 'db' | 'clock'>;

async function loadCaseFor(db: DbOrTx, actor: Actor, caseId: string, action: RegulatorAction): Promise<CaseRow> {
  if (!mayOnRegulator(actor, action)) throw notFound('case');
  const row = await findCaseOfOrg(db, actor.orgId, caseId);
  if (!row) throw notFound('case');
  return row;
}

/** A follow-up supplements the last notification to the same authority under the same duty. */
function regimeFamily(regime: DraftRegime): DraftRegime[] {
  return regime === 'gdpr' || regime === 'telecom' ? ['gdpr', 'telecom'] : [regime];
}

/** The clock a submitted draft meets, and the kind the clocks record it as. */
export function obligationOfDraft(regime: DraftRegime, kind: DraftKind): { obligation: ObligationId; kind: 'initial' | 'follow_up' | 'complete' | 'withdrawal' } {
  switch (regime) {
    case 'gdpr':
      return { obligation: 'gdpr_authority', kind };
    case 'telecom':
      return kind === 'follow_up' ? { obligation: 'telecom_complete', kind: 'complete' } : { obligation: 'telecom_initial', kind };
    case 'nis2_early_warning':
      return { obligation: 'nis2_early_warning', kind };
    case 'nis2_notification':
      return { obligation: 'nis2_notification', kind };
    case 'nis2_final':
      return { obligation: 'nis2_final_report', kind };
  }
}

const roleWords: Record<Role, string> = {
  admin: 'Administrator',
  privacy_officer: 'Privacy officer',
  security_analyst: 'Security analyst',
  staff_reporter: 'Staff',
  auditor: 'Auditor',
  processor: 'Processor',
};

function assessmentForDraft(record: AssessmentRecord | null): DraftInput['assessment'] {
  if (record === null) return null;
  const exceptions = record.decision.exceptions;
  return {
    chosenOutcome: record.chosenOutcome,
    overridden: record.overridden,
    justification: record.justification,
    // An officer's override decides whether people are told; the computed advice stands otherwise.
    notifySubjects: record.overridden ? record.chosenOutcome === 'high' && exceptions.length === 0 : record.decision.notify_subjects,
    severityLevel: record.decision.severity.level,
    severityScore: record.decision.severity.score,
    exceptions,
  };
}

export async function createDraft(deps: RegulatorDeps, actor: Actor, caseId: string, body: CreateDraftBody): Promise<DraftView> {
  const row = await deps.db.transaction().execute(async (tx) => {
    const caseRow = await loadCaseFor(tx, actor, caseId, 'draft');
    const organisation = await findOrganisationWithContact(tx, caseRow.org_id);
    if (!organisation) throw notFound('case');
    const regime: DraftRegime = body.regime ?? (organisation.sector === 'telecom' ? 'telecom' : 'gdpr');
    if (regime === 'telecom' && organisation.sector !== 'telecom') {
      throw new AppError('validation_failed', 'The draft is invalid.', { issues: [{ field: 'regime', message: 'the Telecommunications Act applies to telecom providers only' }] });
    }
    if (regime.startsWith('nis2_') && organisation.nis2 === 'none') {
      throw new AppError('validation_failed', 'The draft is invalid.', { issues: [{ field: 'regime', message: 'the organisation is not a NIS2 entity' }] });
    }
    const previous = await findLatestSubmittedDraft(tx, caseRow.id, regimeFamily(regime));
    if (body.kind !== 'initial' && !previous) {
      throw new AppError('validation_failed', 'The draft is invalid.', { issues: [{ field: 'kind', message: `a ${body.kind === 'follow_up' ? 'follow-up' : 'withdrawal'} needs an earlier submitted notification` }] });
    }
    const computed = await computeCaseAssessment(tx, caseRow);
    const assessment = await latestCaseAssessment(tx, caseRow.id);
    const notifications = await listNotificationsOfCase(tx, caseRow.id);
    const input: DraftInput = {
      kind: body.kind,
      regime,
      timeZone: organisation.time_zone,
      organisation: { name: organisation.name, sector: organisation.sector, nis2: organisation.nis2, dpoName: organisation.dpo_name, dpoEmail: organisation.dpo_email, dpoPhone: organisation.dpo_phone },
      reporter: { name: actor.displayName, position: body.reporterPosition || roleWords[actor.role], phone: body.reporterPhone || null },
      otherParties: await listOtherPartyNames(tx, caseRow.id, caseRow.org_id),
      caseInfo: {
        reference: caseRow.reference,
        title: caseRow.title,
        summary: caseRow.summary,
        awareAt: caseRow.aware_at,
        detectedAt: caseRow.detected_at,
        occurredAt: caseRow.occurred_at,
        effects: caseRow.effects,
        remedialAction: caseRow.remedial_action,
        decisionReason: caseRow.decision_reason,
        closedReason: caseRow.closed_reason,
      },
      facts: computed.facts,
      assessment: assessmentForDraft(assessment),
      otherNotifications: notifications.filter((n) => n.kind !== 'withdrawal').map((n) => ({ obligation: n.obligation, sentAt: n.sent_at })),
      previous: previous ? { apReference: previous.ap_reference, submittedAt: previous.submitted_at! } : null,
      otherInformation: body.otherInformation || null,
    };
    const built = buildDraftContent(input);
    const changes = body.kind === 'follow_up' && previous ? diffDraftSections((JSON.parse(previous.content) as DraftContent).sections, built.sections) : [];
    const content: DraftContent = { ...built, changes };
    const draft: DraftRow = {
      id: newId(),
      case_id: caseRow.id,
      org_id: caseRow.org_id,
      kind: body.kind,
      regime,
      content: JSON.stringify(content),
      previous_draft_id: previous?.id ?? null,
      assessment_id: assessment?.id ?? null,
      created_by: actor.userId,
      created_at: deps.clock.now().toISOString(),
      submitted_at: null,
      ap_reference: null,
      notification_id: null,
      submitted_by: null,
    };
    await insertDraft(tx, draft);
    await recordAuditEvent(tx, deps.clock, {
      orgId: caseRow.org_id,
      actor,
      action: 'case.regulator_draft_created',
      subjectType: 'regulator_draft',
      subjectId: draft.id,
      caseId: caseRow.id,
      details: { kind: draft.kind, regime, missing: countMissing(content) },
    });
    return draft;
  });
  return (await presentDrafts(deps.db, [row]))[0]!;
}

export async function listDrafts(deps: RegulatorDeps, actor: Actor, caseId: string): Promise<DraftView[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  return presentDrafts(deps.db, await listDraftsOfCase(deps.db, row.id));
}

export async function getDraft(deps: RegulatorDeps, actor: Actor, caseId: string, draftId: string): Promise<DraftView> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const draft = await findDraftOfCase(deps.db, row.id, draftId);
  if (!draft) throw notFound('draft');
  return (await presentDrafts(deps.db, [draft]))[0]!;
}

export async function exportDraftPdf(deps: RegulatorDeps, actor: Actor, caseId: string, draftId: string, locale?: 'nl' | 'en'): Promise<{ fileName: string; body: Buffer }> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const draft = await findDraftOfCase(deps.db, row.id, draftId);
  if (!draft) throw notFound('draft');
  const view = (await presentDrafts(deps.db, [draft]))[0]!;
  const organisation = await findOrganisationWithContact(deps.db, row.org_id);
  const body = await renderDraftPdf(view, { caseReference: row.reference, organisationName: organisation?.name ?? '', locale: locale ?? actor.locale });
  return { fileName: `${row.reference}-${draft.regime}-${draft.kind}.pdf`, body };
}

/**
 * Records that a draft went to the authority, with its reference there. It is also a notification on the
 * case, so the clocks stop; the first notification for a duty after its deadline needs the reason for the
 * delay (GDPR art. 33(1)).
 */
export async function recordSubmission(deps: RegulatorDeps, actor: Actor, caseId: string, draftId: string, body: SubmittedBody): Promise<DraftView> {
  const now = deps.clock.now();
  if (Date.parse(body.submittedAt) > now.getTime() + 5 * 60_000) {
    throw new AppError('validation_failed', 'The submission is invalid.', { issues: [{ field: 'submittedAt', message: 'must not be in the future' }] });
  }
  const submittedAt = new Date(body.submittedAt).toISOString();
  const draft = await deps.db.transaction().execute(async (tx) => {
    const caseRow = await loadCaseFor(tx, actor, caseId, 'draft');
    const draft = await findDraftOfCase(tx, caseRow.id, draftId);
    if (!draft) throw notFound('draft');
    if (draft.submitted_at !== null) throw new AppError('conflict', 'This draft was already recorded as submitted.');
    const organisation = await findOrganisationWithContact(tx, caseRow.org_id);
    const target = obligationOfDraft(draft.regime, draft.kind);
    const notifications = await listNotificationsOfCase(tx, caseRow.id);
    if (target.kind !== 'withdrawal' && !body.delayReason && caseRow.aware_at) {
      const obligation = computeDeadlines(
        {
          profile: { sector: sectorSchema.catch('other').parse(organisation?.sector), nis2: nis2EntitySchema.catch('none').parse(organisation?.nis2) },
          awareAt: caseRow.aware_at,
          ...(caseRow.detected_at ? { detectedAt: caseRow.detected_at } : {}),
          ...(riskOutcomeSchema.safeParse(caseRow.risk_outcome).success ? { riskOutcome: riskOutcomeSchema.parse(caseRow.risk_outcome) } : {}),
          notificationsRecorded: notifications.filter((n) => n.kind !== 'withdrawal').map((n) => ({ obligation: n.obligation as ObligationId, at: n.sent_at })),
          timeZone: organisation?.time_zone ?? 'Europe/Amsterdam',
        },
        now,
      ).find((o) => o.id === target.obligation);
      if (obligation && obligation.notifiedAt === null && requiresDelayReason(obligation, submittedAt)) {
        throw new AppError('validation_failed', 'This notification was made after the deadline: give the reason for the delay.', {
          issues: [{ field: 'delayReason', message: 'required for a notification after the deadline' }],
        });
      }
    }
    const notificationId = newId();
    await insertNotification(tx, {
      id: notificationId,
      case_id: caseRow.id,
      org_id: caseRow.org_id,
      party_id: null,
      obligation: target.obligation,
      kind: target.kind,
      sent_at: submittedAt,
      external_reference: body.apReference,
      delay_reason: body.delayReason || null,
      recorded_by: actor.userId,
      created_at: now.toISOString(),
    });
    const fields = { submitted_at: submittedAt, ap_reference: body.apReference, notification_id: notificationId, submitted_by: actor.userId };
    await markDraftSubmitted(tx, draft.id, fields);
    await recordAuditEvent(tx, deps.clock, {
      orgId: caseRow.org_id,
      actor,
      action: 'case.regulator_draft_submitted',
      subjectType: 'regulator_draft',
      subjectId: draft.id,
      caseId: caseRow.id,
      details: { obligation: target.obligation, kind: target.kind, submittedAt, apReference: body.apReference, notificationId, late: Boolean(body.delayReason) },
    });
    await refreshCaseReminders(tx, deps, caseRow.org_id, caseRow.id);
    return { ...draft, ...fields };
  });
  return (await presentDrafts(deps.db, [draft]))[0]!;
}

export async function getContact(deps: RegulatorDeps, actor: Actor): Promise<ContactView> {
  if (!mayOnRegulator(actor, 'read')) throw notFound('resource');
  const organisation = await findOrganisationWithContact(deps.db, actor.orgId);
  if (!organisation) throw notFound('resource');
  return { dpoName: organisation.dpo_name, dpoEmail: organisation.dpo_email, dpoPhone: organisation.dpo_phone };
}

/** The contact point the authority's form asks for (GDPR art. 33(3)(b)): the DPO or another contact. */
export async function updateContact(deps: RegulatorDeps, actor: Actor, body: ContactView): Promise<ContactView> {
  if (!mayOnRegulator(actor, 'draft')) throw notFound('resource');
  await deps.db.transaction().execute(async (tx) => {
    await updateOrganisationContact(tx, actor.orgId, { dpo_name: body.dpoName || null, dpo_email: body.dpoEmail || null, dpo_phone: body.dpoPhone || null });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'organisation.contact_updated',
      subjectType: 'organisation',
      subjectId: actor.orgId,
      details: { fields: ['dpoName', 'dpoEmail', 'dpoPhone'] },
    });
  });
  return getContact(deps, actor);
}

function countMissing(content: DraftContent): number {
  return content.sections.reduce((sum, s) => sum + s.answers.filter((a) => a.missing).length, 0);
}

async function presentDrafts(db: DbOrTx, rows: readonly DraftRow[]): Promise<DraftView[]> {
  const names = await findUserNames(db, rows.map((r) => r.created_by));
  return rows.map((r) => {
    const content = JSON.parse(r.content) as DraftContent;
    return {
      id: r.id,
      caseId: r.case_id,
      kind: r.kind,
      regime: r.regime,
      ...content,
      missingCount: countMissing(content),
      previousDraftId: r.previous_draft_id,
      assessmentId: r.assessment_id,
      createdBy: { id: r.created_by, name: names.get(r.created_by) ?? '' },
      createdAt: r.created_at,
      submittedAt: r.submitted_at,
      apReference: r.ap_reference,
      notificationId: r.notification_id,
    };
  });
}
