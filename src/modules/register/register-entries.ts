import {
  computeDeadlines,
  nis2EntitySchema,
  obligationIdSchema,
  riskOutcomeSchema,
  sectorSchema,
  type Obligation,
  type ObligationId,
} from '../clocks/index.ts';
import type { IsoInstant } from '../../shared/time.ts';
import { AppError } from '../../shared/app-error.ts';
import type { RegisterEntry } from './register.schemas.ts';

/** The notifications to the supervisory authority; the first of them is what the deadline is measured by. */
export const authorityObligations: readonly ObligationId[] = ['gdpr_authority', 'telecom_initial'];

/** The task template whose completion records that the affected people were informed (art. 34). */
export const informPeopleTemplateKey = 'inform_people';

/** What the register reads of a case row; plain data so that the figures stay free of I/O. */
export interface RegisterCaseRow {
  id: string;
  reference: string;
  title: string;
  state: string;
  not_a_breach: number;
  occurred_at: string | null;
  detected_at: string | null;
  aware_at: string | null;
  created_at: string;
  cause: string | null;
  risk_outcome: string | null;
  facts: string;
  effects: string;
  remedial_action: string;
  decision_reason: string;
  closed_at: string | null;
  closed_reason: string | null;
}

export interface NotificationRow {
  case_id: string;
  obligation: string;
  sent_at: string;
  external_reference: string | null;
  delay_reason: string | null;
}

export interface OrganisationProfile {
  sector: string;
  nis2: string;
  timeZone: string;
}

/**
 * Every clock of a case, or null when the case has no moment of awareness yet (no clock has started).
 * An unknown sector or NIS2 value stored by an older version counts as the least demanding one.
 */
export function obligationsOfCase(
  row: Pick<RegisterCaseRow, 'aware_at' | 'detected_at' | 'risk_outcome'>,
  notifications: readonly NotificationRow[],
  profile: OrganisationProfile,
  now: IsoInstant,
): Obligation[] | null {
  if (!row.aware_at) return null;
  const sector = sectorSchema.safeParse(profile.sector);
  const nis2 = nis2EntitySchema.safeParse(profile.nis2);
  const riskOutcome = riskOutcomeSchema.safeParse(row.risk_outcome);
  const recorded = notifications.flatMap((n) => {
    const obligation = obligationIdSchema.safeParse(n.obligation);
    return obligation.success ? [{ obligation: obligation.data, at: n.sent_at, ...(n.delay_reason ? { delayReason: n.delay_reason } : {}) }] : [];
  });
  try {
    return computeDeadlines(
      {
        profile: { sector: sector.success ? sector.data : 'other', nis2: nis2.success ? nis2.data : 'none' },
        awareAt: row.aware_at,
        ...(row.detected_at ? { detectedAt: row.detected_at } : {}),
        ...(riskOutcome.success ? { riskOutcome: riskOutcome.data } : {}),
        notificationsRecorded: recorded,
        timeZone: profile.timeZone,
      },
      now,
    );
  } catch (error) {
    // A moment the clocks cannot read leaves this one case without deadlines instead of failing the whole register.
    if (error instanceof AppError && error.code === 'validation_failed') return null;
    throw error;
  }
}

export interface AuthorityVerdict {
  first: NotificationRow | null;
  /** The earliest authority deadline that applies to the case. */
  dueAt: IsoInstant | null;
  onTime: boolean | null;
}

/**
 * Whether the authority was told in time: the first authority notification against the strictest
 * authority deadline (24 hours for a telecom provider, 72 otherwise). A notification at exactly the
 * deadline is on time; no notification once the deadline has passed is late.
 */
export function judgeAuthorityNotification(
  notifications: readonly NotificationRow[],
  obligations: readonly Obligation[] | null,
  now: IsoInstant,
): AuthorityVerdict {
  const first = firstAuthorityNotification(notifications);
  const dueAt =
    (obligations ?? [])
      .filter((o) => authorityObligations.includes(o.id) && o.dueAt !== null)
      .map((o) => o.dueAt as string)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  if (dueAt === null) return { first, dueAt, onTime: null };
  if (first) return { first, dueAt, onTime: Date.parse(first.sent_at) <= Date.parse(dueAt) };
  return { first, dueAt, onTime: Date.parse(now) > Date.parse(dueAt) ? false : null };
}

export function firstAuthorityNotification(notifications: readonly NotificationRow[]): NotificationRow | null {
  let first: NotificationRow | null = null;
  for (const n of notifications) {
    if (!authorityObligations.includes(n.obligation as ObligationId)) continue;
    if (first === null || Date.parse(n.sent_at) < Date.parse(first.sent_at)) first = n;
  }
  return first;
}

export interface FactsSummary {
  cause: string | null;
  categories: string[];
  personsMin: number | null;
  personsMax: number | null;
  records: number | null;
}

/**
 * The register's share of the case facts. Facts are filled in step by step during an investigation, so
 * every part may be missing; the register shows what is known rather than refusing the case.
 */
export function summariseFacts(factsJson: string): FactsSummary {
  const facts = parseObject(factsJson);
  const breach = asObject(facts?.breach);
  const data = asObject(facts?.data);
  const subjects = asObject(data?.subjects);
  const categories = Array.isArray(data?.categories) ? data.categories.filter((c): c is string => typeof c === 'string') : [];
  return {
    cause: typeof breach?.cause === 'string' ? breach.cause : null,
    categories,
    personsMin: asCount(subjects?.min),
    personsMax: asCount(subjects?.max),
    records: asCount(data?.records),
  };
}

export interface EntryInput {
  row: RegisterCaseRow;
  notifications: readonly NotificationRow[];
  subjectsInformed: boolean;
  profile: OrganisationProfile;
  now: IsoInstant;
}

/** One line of the art. 33(5) register: facts, effects, remedial action, decisions and dates of a case. */
export function buildRegisterEntry({ row, notifications, subjectsInformed, profile, now }: EntryInput): RegisterEntry {
  const facts = summariseFacts(row.facts);
  const notABreach = row.not_a_breach === 1;
  const verdict = judgeAuthorityNotification(notifications, notABreach ? null : obligationsOfCase(row, notifications, profile, now), now);
  return {
    caseId: row.id,
    reference: row.reference,
    title: row.title,
    state: row.state,
    notABreach,
    occurredAt: row.occurred_at,
    detectedAt: row.detected_at,
    awareAt: row.aware_at,
    cause: row.cause ?? facts.cause,
    categories: facts.categories,
    personsMin: facts.personsMin,
    personsMax: facts.personsMax,
    records: facts.records,
    riskOutcome: row.risk_outcome,
    authorityNotifiedAt: verdict.first?.sent_at ?? null,
    authorityReference: verdict.first?.external_reference ?? null,
    notifiedOnTime: verdict.onTime,
    delayReason: verdict.first?.delay_reason ?? null,
    subjectsInformed,
    effects: row.effects,
    remedialAction: row.remedial_action,
    decisionReason: row.decision_reason,
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
  };
}

/** Groups notification rows by case, for looking them up while building entries. */
export function groupByCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const byCase = new Map<string, T[]>();
  for (const row of rows) {
    const list = byCase.get(row.case_id);
    if (list) list.push(row);
    else byCase.set(row.case_id, [row]);
  }
  return byCase;
}

type JsonObject = Record<string, unknown>;

function parseObject(json: string): JsonObject | null {
  try {
    return asObject(JSON.parse(json));
  } catch {
    return null;
  }
}

function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

function asCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
