import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { refreshCaseReminders } from '../cases/index.ts';
import { assessBreach } from './assess-breach.ts';
import { evaluateFacts, fillFromCase, mergeImpactFigures, type FactSources, type RecordedFacts } from './case-facts-completion.ts';
import { nis2Entities, sectors, type CaseFacts } from './case-facts.schemas.ts';
import { buildDecisionReport, type DecisionReport } from './decision-report.ts';
import { impactFactsForCase } from './impact-facts.source.ts';
import { mayOnAssessments, type AssessmentAction } from './assessment.policy.ts';
import {
  findCaseOfOrg,
  findLatestAssessment,
  findOrganisation,
  findUserNames,
  insertAssessment,
  listAssessmentsOfCase,
  listPartyProfiles,
  updateCaseRiskOutcome,
  type AssessmentRow,
  type PartyProfileRow,
} from './assessment.repository.ts';
import {
  MIN_JUSTIFICATION_LENGTH,
  type AssessmentRecord,
  type CaseAssessmentView,
  type ComputedAssessment,
  type PartyOutcome,
  type RiskOutcomeValue,
} from './assessment.schemas.ts';
import { parseCaseFacts } from './parse-case-facts.ts';

export type AssessmentDeps = Pick<AppContext, 'db' | 'clock'>;

/** POST /api/assess: the decision for facts given directly, exactly as `breachdesk assess` prints it. */
export function assessGivenFacts(actor: Actor, input: unknown): DecisionReport {
  if (!mayOnAssessments(actor, 'assess_facts')) throw notFound('resource');
  return buildDecisionReport(parseCaseFacts(input));
}

async function loadCaseFor(db: DbOrTx, actor: Actor, caseId: string, action: AssessmentAction): Promise<CaseRow> {
  if (!mayOnAssessments(actor, action)) throw notFound('case');
  const row = await findCaseOfOrg(db, actor.orgId, caseId);
  if (!row) throw notFound('case');
  return row;
}

/**
 * The decision the case's current facts lead to: the recorded facts, completed from the case and its
 * organisation and overlaid with the impact analysis, then assessed as a whole and per controller.
 */
export async function computeCaseAssessment(db: DbOrTx, row: CaseRow): Promise<ComputedAssessment> {
  const organisation = await findOrganisation(db, row.org_id);
  const filled = fillFromCase(parseObject(row.facts), parseObject(row.fact_sources) as FactSources, {
    sector: organisation?.sector ?? 'other',
    nis2: organisation?.nis2 ?? 'none',
    awareAt: row.aware_at,
    detectedAt: row.detected_at,
    occurredAt: row.occurred_at,
  });
  const { facts, sources } = mergeImpactFigures(filled.facts, filled.sources, await impactFactsForCase(db, row.id));
  const evaluation = evaluateFacts(facts);
  if (!evaluation.complete) {
    return { facts, factSources: sources, missing: evaluation.missing, invalid: evaluation.invalid, decision: null, parties: [] };
  }
  const parties = await listPartyProfiles(db, row.id);
  return {
    facts,
    factSources: sources,
    missing: [],
    invalid: [],
    decision: buildDecisionReport(evaluation.facts),
    parties: parties.map((party) => outcomeForParty(evaluation.facts, party)),
  };
}

/** Each controller is assessed with its own sector profile: a telecom provider has duties a retailer has not. */
function outcomeForParty(facts: CaseFacts, party: PartyProfileRow): PartyOutcome {
  const sector = (sectors as readonly string[]).includes(party.sector) ? (party.sector as CaseFacts['sector']) : facts.sector;
  const nis2 = (nis2Entities as readonly string[]).includes(party.nis2) ? (party.nis2 as CaseFacts['nis2']) : facts.nis2;
  const decision = assessBreach({ ...facts, sector, nis2 });
  return {
    partyId: party.id,
    name: party.brand_name ?? party.org_name,
    role: party.role,
    sector,
    nis2,
    risk: decision.risk,
    notifyAuthority: decision.notify_authority,
    notifySubjects: decision.notify_subjects,
    publicCommunication: decision.public_communication,
  };
}

export async function getCaseAssessment(deps: AssessmentDeps, actor: Actor, caseId: string): Promise<CaseAssessmentView> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const computed = await computeCaseAssessment(deps.db, row);
  const history = await presentRecords(deps.db, await listAssessmentsOfCase(deps.db, row.id));
  return { computed, current: history[0] ?? null, history };
}

/**
 * Records the decision on a case. The chosen outcome is the computed one unless an officer overrides it,
 * which needs a written justification; both outcomes, who chose and the facts they stood on are kept, the
 * case carries the chosen outcome, and the audit chain has the entry.
 */
export async function decideCaseAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  caseId: string,
  input: { chosenOutcome?: RiskOutcomeValue | undefined; justification?: string | undefined },
): Promise<AssessmentRecord> {
  const record = await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'decide');
    const computed = await computeCaseAssessment(tx, row);
    if (computed.decision === null) {
      throw new AppError('validation_failed', 'The case facts are not complete enough for a decision.', {
        issues: [
          ...computed.missing.map((path) => ({ field: `facts.${path}`, message: 'required before a decision can be recorded' })),
          ...computed.invalid.map((issue) => ({ field: `facts.${issue.field}`, message: issue.message })),
        ],
      });
    }
    const computedOutcome = computed.decision.risk;
    const chosenOutcome = input.chosenOutcome ?? computedOutcome;
    const overridden = chosenOutcome !== computedOutcome;
    const justification = input.justification?.trim() || null;
    if (overridden && (justification === null || justification.length < MIN_JUSTIFICATION_LENGTH)) {
      throw new AppError('validation_failed', 'An outcome other than the computed one needs a written justification.', {
        issues: [{ field: 'justification', message: `required when overriding the computed outcome (at least ${MIN_JUSTIFICATION_LENGTH} characters)` }],
      });
    }
    const at = deps.clock.now().toISOString();
    const assessment: AssessmentRow = {
      id: newId(),
      case_id: row.id,
      org_id: row.org_id,
      facts: JSON.stringify(computed.facts),
      fact_sources: JSON.stringify(computed.factSources),
      decision: JSON.stringify({ report: computed.decision, parties: computed.parties }),
      computed_outcome: computedOutcome,
      chosen_outcome: chosenOutcome,
      overridden: overridden ? 1 : 0,
      justification,
      decided_by: actor.userId,
      decided_at: at,
    };
    await insertAssessment(tx, assessment);
    await updateCaseRiskOutcome(tx, row.id, chosenOutcome, at);
    // The justification may name people; the timeline records that there was one, the assessment keeps it.
    await recordAuditEvent(tx, deps.clock, {
      orgId: row.org_id,
      actor,
      action: 'case.risk_decided',
      subjectType: 'case_assessment',
      subjectId: assessment.id,
      caseId: row.id,
      details: {
        computedOutcome,
        chosenOutcome,
        overridden,
        severityScore: computed.decision.severity.score,
        parties: computed.parties.map((p) => ({ partyId: p.partyId, risk: p.risk })),
      },
    });
    await refreshCaseReminders(tx, deps, row.org_id, row.id);
    return assessment;
  });
  const [view] = await presentRecords(deps.db, [record]);
  return view!;
}

/** The decision in force on a case, for the notification drafts; null while none was recorded. */
export async function latestCaseAssessment(db: DbOrTx, caseId: string): Promise<AssessmentRecord | null> {
  const row = await findLatestAssessment(db, caseId);
  if (!row) return null;
  const [view] = await presentRecords(db, [row]);
  return view ?? null;
}

async function presentRecords(db: DbOrTx, rows: readonly AssessmentRow[]): Promise<AssessmentRecord[]> {
  const names = await findUserNames(db, rows.map((r) => r.decided_by));
  return rows.map((r) => {
    const decision = JSON.parse(r.decision) as { report: DecisionReport; parties: PartyOutcome[] };
    return {
      id: r.id,
      computedOutcome: r.computed_outcome,
      chosenOutcome: r.chosen_outcome,
      overridden: Number(r.overridden) === 1,
      justification: r.justification,
      decidedBy: { id: r.decided_by, name: names.get(r.decided_by) ?? '' },
      decidedAt: r.decided_at,
      facts: parseObject(r.facts),
      factSources: parseObject(r.fact_sources) as FactSources,
      decision: decision.report,
      parties: decision.parties,
    };
  });
}

function parseObject(text: string): RecordedFacts {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RecordedFacts) : {};
  } catch {
    return {};
  }
}
