import { computeDeadlines, type Obligation } from '../clocks/index.ts';
import { assessBreach } from './assess-breach.ts';
import type { CaseFacts } from './case-facts.schemas.ts';
import type { BreachDecision, RiskOutcome } from './risk.types.ts';

export interface DeadlineLine {
  id: Obligation['id'];
  legal_basis: Obligation['legalBasis'];
  recipient: Obligation['recipient'];
  starts_from: Obligation['startsFrom'];
  started_at: Obligation['startedAt'];
  due_at: Obligation['dueAt'];
  applies: boolean;
  not_applicable_reason: Obligation['notApplicableReason'];
}

/** The decision as `breachdesk assess`, `POST /api/assess` and the case page present it. */
export interface DecisionReport {
  severity: BreachDecision['severity'];
  risk: RiskOutcome;
  notify_authority: boolean;
  notify_subjects: boolean;
  public_communication: boolean;
  exceptions: BreachDecision['exceptions'];
  deadlines: DeadlineLine[];
  reasons: BreachDecision['reasons'];
  factors: BreachDecision['factors'];
}

/** Assesses validated facts and adds the deadlines that follow from the outcome. */
export function buildDecisionReport(facts: CaseFacts): DecisionReport {
  const decision = assessBreach(facts);
  return {
    severity: decision.severity,
    risk: decision.risk,
    notify_authority: decision.notify_authority,
    notify_subjects: decision.notify_subjects,
    public_communication: decision.public_communication,
    exceptions: decision.exceptions,
    deadlines: deadlinesFor(facts, decision.risk),
    reasons: decision.reasons,
    factors: decision.factors,
  };
}

/**
 * Due moments of every clock that can apply. The status of each clock depends on the time of asking, so
 * it is left out: the same facts always give the same deadlines.
 */
export function deadlinesFor(facts: CaseFacts, risk: RiskOutcome): DeadlineLine[] {
  const awareAt = facts.breach.aware_at;
  if (!awareAt) return [];
  const obligations = computeDeadlines(
    {
      profile: { sector: facts.sector, nis2: facts.nis2 },
      awareAt: new Date(awareAt).toISOString(),
      ...(facts.breach.detected_at ? { detectedAt: new Date(facts.breach.detected_at).toISOString() } : {}),
      riskOutcome: risk,
    },
    new Date(awareAt),
  );
  return obligations.map((obligation) => ({
    id: obligation.id,
    legal_basis: obligation.legalBasis,
    recipient: obligation.recipient,
    starts_from: obligation.startsFrom,
    started_at: obligation.startedAt,
    due_at: obligation.dueAt,
    applies: obligation.status !== 'not_applicable',
    not_applicable_reason: obligation.notApplicableReason,
  }));
}
