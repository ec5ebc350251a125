import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { authorityObligations, informPeopleTemplateKey, type NotificationRow, type RegisterCaseRow } from './register-entries.ts';
import type { RegisterFilter } from './register-filter.ts';

export interface OrganisationRow {
  name: string;
  sector: string;
  nis2: string;
  time_zone: string;
}

const caseColumns = [
  'cases.id',
  'cases.reference',
  'cases.title',
  'cases.state',
  'cases.not_a_breach',
  'cases.occurred_at',
  'cases.detected_at',
  'cases.aware_at',
  'cases.created_at',
  'cases.cause',
  'cases.risk_outcome',
  'cases.facts',
  'cases.effects',
  'cases.remedial_action',
  'cases.decision_reason',
  'cases.closed_at',
  'cases.closed_reason',
] as const;

export async function findOrganisation(db: DbOrTx, orgId: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').select(['name', 'sector', 'nis2', 'time_zone']).where('id', '=', orgId).executeTakeFirst();
}

/**
 * Every case of the organisation that matches the filter, notified or not, including those closed as not a
 * personal data breach (art. 33(5) asks for all of them). Newest first by awareness, or creation when unknown.
 */
export async function listRegisterCases(db: DbOrTx, orgId: string, filter: RegisterFilter): Promise<RegisterCaseRow[]> {
  const moment = sql<string>`coalesce(cases.aware_at, cases.created_at)`;
  let query = db.selectFrom('cases').select(caseColumns).where('cases.org_id', '=', orgId);
  if (filter.fromIso) query = query.where(moment, '>=', filter.fromIso);
  if (filter.beforeIso) query = query.where(moment, '<', filter.beforeIso);
  if (filter.cause) query = query.where('cases.cause', '=', filter.cause);
  if (filter.outcome === 'undecided') query = query.where('cases.risk_outcome', 'is', null);
  else if (filter.outcome) query = query.where('cases.risk_outcome', '=', filter.outcome);
  if (filter.state) query = query.where('cases.state', '=', filter.state);
  if (filter.notified !== undefined) {
    const wanted = filter.notified;
    query = query.where((eb) => {
      const notified = eb
        .selectFrom('case_notifications')
        .select('case_notifications.id')
        .whereRef('case_notifications.case_id', '=', 'cases.id')
        .where('case_notifications.obligation', 'in', authorityObligations);
      return wanted ? eb.exists(notified) : eb.not(eb.exists(notified));
    });
  }
  const rows = await query.orderBy(moment, 'desc').orderBy('cases.reference', 'desc').execute();
  return rows.map((row) => ({ ...row, not_a_breach: Number(row.not_a_breach) }));
}

/** The notifications of the organisation's cases; `openOnly` narrows them to cases not yet closed. */
export async function listNotificationsOfOrg(db: DbOrTx, orgId: string, options: { openOnly?: boolean } = {}): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('case_notifications')
    .innerJoin('cases', 'cases.id', 'case_notifications.case_id')
    .select([
      'case_notifications.case_id',
      'case_notifications.obligation',
      'case_notifications.sent_at',
      'case_notifications.external_reference',
      'case_notifications.delay_reason',
    ])
    .where('cases.org_id', '=', orgId);
  if (options.openOnly) query = query.where('cases.state', '!=', 'closed');
  return query.orderBy('case_notifications.sent_at').execute();
}

/** Ids of the organisation's cases whose "inform the people" task is done. */
export async function listCasesWithSubjectsInformed(db: DbOrTx, orgId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('case_tasks')
    .select('case_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('template_key', '=', informPeopleTemplateKey)
    .where('status', '=', 'done')
    .execute();
  return new Set(rows.map((row) => row.case_id));
}

/** The organisation's cases that are still open and are personal data breaches, for the running clocks. */
export async function listOpenCases(db: DbOrTx, orgId: string): Promise<RegisterCaseRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(caseColumns)
    .where('cases.org_id', '=', orgId)
    .where('cases.state', '!=', 'closed')
    .where('cases.not_a_breach', '=', 0)
    .execute();
  return rows.map((row) => ({ ...row, not_a_breach: Number(row.not_a_breach) }));
}

export async function countOpenCasesByState(db: DbOrTx, orgId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select(['state', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('org_id', '=', orgId)
    .where('state', '!=', 'closed')
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

export async function countReportsAwaitingTriage(db: DbOrTx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
