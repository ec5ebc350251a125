import type { Identifiability } from './case-facts.schemas.ts';

/** A plain-language statement in both languages the product speaks. */
export interface Reason {
  /** Stable identifier of the rule that produced the statement. */
  code: string;
  en: string;
  nl: string;
}

export type EnisaDataType = 'simple' | 'behavioural' | 'financial' | 'sensitive';
export type SeverityLevel = 'low' | 'medium' | 'high' | 'very_high';
export type RiskOutcome = 'none' | 'risk' | 'high';

/** One step of the ENISA score, recorded so that two analysts reach the same number from the same facts. */
export interface SeverityAdjustment {
  criterion: 'dpc' | 'ei' | 'cb';
  /** For DPC steps: the data type whose score changed. */
  data_type?: EnisaDataType;
  rule: string;
  from: number;
  to: number;
  en: string;
  nl: string;
}

export interface Severity {
  score: number;
  level: SeverityLevel;
  dpc: number;
  /** The data type that set the DPC (the highest of the types involved). */
  dpc_data_type: EnisaDataType;
  ei: number;
  ei_level: Identifiability;
  cb: number;
  adjustments: SeverityAdjustment[];
}

export type FactorDirection = 'raises' | 'lowers' | 'neutral';

/** One of the EDPB 9/2022 risk factors, as it plays out for these facts. */
export interface RiskFactor {
  factor:
    | 'type_of_breach'
    | 'nature_sensitivity_volume'
    | 'ease_of_identification'
    | 'severity_of_consequences'
    | 'vulnerable_individuals'
    | 'controller_characteristics'
    | 'number_of_people';
  direction: FactorDirection;
  en: string;
  nl: string;
}

export interface Art34Exception {
  article: '34(3)(a)' | '34(3)(b)' | '34(3)(c)';
  en: string;
  nl: string;
}

export interface BreachDecision {
  severity: Severity;
  risk: RiskOutcome;
  notify_authority: boolean;
  notify_subjects: boolean;
  public_communication: boolean;
  exceptions: Art34Exception[];
  factors: RiskFactor[];
  reasons: Reason[];
}
