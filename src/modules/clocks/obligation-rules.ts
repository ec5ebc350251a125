import type { ObligationId, Recipient } from './clocks.schemas.ts';

export interface ObligationRule {
  legalBasis: string;
  recipient: Recipient;
  /** The period, for documentation and display; the computation lives in compute-deadlines.ts. */
  period: { hours: number } | { calendarMonths: number } | { configurableHours: true };
}

/** Every clock Breachdesk keeps, in the order a case shows them. */
export const obligationRules: Record<ObligationId, ObligationRule> = {
  gdpr_authority: {
    legalBasis: 'GDPR (Regulation (EU) 2016/679) art. 33(1)',
    recipient: 'supervisory_authority',
    period: { hours: 72 },
  },
  telecom_initial: {
    legalBasis: 'ePrivacy Directive 2002/58/EC art. 4(3); Regulation (EU) 611/2013 art. 2(2); Telecommunicatiewet art. 11.3a',
    recipient: 'supervisory_authority',
    period: { hours: 24 },
  },
  telecom_complete: {
    legalBasis: 'Regulation (EU) 611/2013 art. 2(3); Telecommunicatiewet art. 11.3a',
    recipient: 'supervisory_authority',
    period: { hours: 72 },
  },
  nis2_early_warning: {
    legalBasis: 'NIS2 Directive (EU) 2022/2555 art. 23(4)(a); Cyberbeveiligingswet',
    recipient: 'csirt',
    period: { hours: 24 },
  },
  nis2_notification: {
    legalBasis: 'NIS2 Directive (EU) 2022/2555 art. 23(4)(b); Cyberbeveiligingswet',
    recipient: 'csirt',
    period: { hours: 72 },
  },
  nis2_final_report: {
    legalBasis: 'NIS2 Directive (EU) 2022/2555 art. 23(4)(d); Cyberbeveiligingswet',
    recipient: 'csirt',
    period: { calendarMonths: 1 },
  },
  processor_to_controller: {
    legalBasis: 'GDPR art. 33(2) ("without undue delay"); hours agreed in the processing agreement, art. 28(3)(f)',
    recipient: 'controller',
    period: { configurableHours: true },
  },
};

export const obligationOrder = Object.keys(obligationRules) as ObligationId[];

export function hoursOf(id: ObligationId): number {
  const period = obligationRules[id].period;
  if (!('hours' in period)) throw new Error(`The ${id} clock is not a fixed number of hours.`);
  return period.hours;
}
