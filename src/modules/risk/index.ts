export * from './case-facts.schemas.ts';
export type * from './risk.types.ts';
export { assessBreach } from './assess-breach.ts';
export { assessSeverity, severityLevelFor } from './enisa-severity.ts';
export { parseCaseFacts } from './parse-case-facts.ts';
