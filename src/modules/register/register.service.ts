import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../shared/app-error.ts';
import { formatInZone } from '../../shared/time.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { casesPerMonth, deadlinesAtRisk, hoursToAuthority, median, shareNotifiedOnTime } from './dashboard-figures.ts';
import { registerToCsv } from './register-csv.ts';
import { buildRegisterEntry, groupByCase, obligationsOfCase, type OrganisationProfile } from './register-entries.ts';
import { describeFilter, filterForAudit, toRegisterFilter } from './register-filter.ts';
import { renderRegisterPdf } from './register-pdf.ts';
import { canReadRegister } from './register.policy.ts';
import {
  countOpenCasesByState,
  countReportsAwaitingTriage,
  findOrganisation,
  listCasesWithSubjectsInformed,
  listNotificationsOfOrg,
  listOpenCases,
  listRegisterCases,
  type OrganisationRow,
} from './register.repository.ts';
import type { Dashboard, RegisterEntry, RegisterQuery } from './register.schemas.ts';

export type RegisterDeps = Pick<AppContext, 'db' | 'clock'>;

export interface RegisterExport {
  body: string | Buffer;
  fileName: string;
}

/** The art. 33(5) register of the actor's organisation, narrowed by the query. */
export async function listRegister(deps: RegisterDeps, actor: Actor, query: RegisterQuery): Promise<RegisterEntry[]> {
  const organisation = await readableOrganisation(deps.db, actor);
  return loadEntries(deps, actor.orgId, organisation, query);
}

export async function exportRegisterCsv(deps: RegisterDeps, actor: Actor, query: RegisterQuery): Promise<RegisterExport> {
  const organisation = await readableOrganisation(deps.db, actor);
  const entries = await loadEntries(deps, actor.orgId, organisation, query);
  await auditExport(deps, actor, 'csv', query, entries.length);
  return { body: registerToCsv(entries), fileName: exportFileName(deps, organisation, 'csv') };
}

export async function exportRegisterPdf(deps: RegisterDeps, actor: Actor, query: RegisterQuery): Promise<RegisterExport> {
  const organisation = await readableOrganisation(deps.db, actor);
  const entries = await loadEntries(deps, actor.orgId, organisation, query);
  const body = await renderRegisterPdf({
    organisationName: organisation.name,
    filterText: describeFilter(query, actor.locale),
    generatedAt: formatInZone(deps.clock.now(), organisation.time_zone, actor.locale),
    timeZone: organisation.time_zone,
    locale: actor.locale,
    entries,
  });
  await auditExport(deps, actor, 'pdf', query, entries.length);
  return { body, fileName: exportFileName(deps, organisation, 'pdf') };
}

/** The figures of the dashboard: open work, running clocks and how well the organisation meets them. */
export async function getDashboard(deps: RegisterDeps, actor: Actor): Promise<Dashboard> {
  const organisation = await readableOrganisation(deps.db, actor);
  const now = deps.clock.now().toISOString();
  const profile = profileOf(organisation);
  const [registerRows, openRows, openNotifications, openCasesByState, reportsAwaitingTriage] = await Promise.all([
    loadRegisterRows(deps, actor.orgId, organisation, {}),
    listOpenCases(deps.db, actor.orgId),
    listNotificationsOfOrg(deps.db, actor.orgId, { openOnly: true }),
    countOpenCasesByState(deps.db, actor.orgId),
    countReportsAwaitingTriage(deps.db, actor.orgId),
  ]);
  const notificationsByCase = groupByCase(openNotifications);
  const openClocks = openRows.flatMap((row) => {
    const obligations = obligationsOfCase(row, notificationsByCase.get(row.id) ?? [], profile, now);
    return obligations ? [{ caseId: row.id, reference: row.reference, title: row.title, obligations }] : [];
  });
  const breachRows = registerRows.filter(({ entry }) => !entry.notABreach);
  const breaches = breachRows.map(({ entry }) => entry);
  const hours = hoursToAuthority(breaches);
  return {
    openCasesByState,
    reportsAwaitingTriage,
    deadlinesAtRisk: deadlinesAtRisk(openClocks, now),
    // A report closed as "not a personal data breach" stays in the register but is no breach to chart.
    casesPerMonth: casesPerMonth(
      breachRows.map(({ entry, createdAt }) => ({ at: entry.awareAt ?? createdAt, notified: entry.authorityNotifiedAt !== null })),
      now,
      organisation.time_zone,
    ),
    hoursToAuthority: hours,
    medianHoursToAuthority: median(hours.map((h) => h.hours)),
    shareNotifiedOnTime: shareNotifiedOnTime(breaches),
  };
}

async function loadEntries(deps: RegisterDeps, orgId: string, organisation: OrganisationRow, query: RegisterQuery): Promise<RegisterEntry[]> {
  return (await loadRegisterRows(deps, orgId, organisation, query)).map(({ entry }) => entry);
}

async function loadRegisterRows(
  deps: RegisterDeps,
  orgId: string,
  organisation: OrganisationRow,
  query: RegisterQuery,
): Promise<Array<{ entry: RegisterEntry; createdAt: string }>> {
  const profile = profileOf(organisation);
  const now = deps.clock.now().toISOString();
  const [rows, notifications, informed] = await Promise.all([
    listRegisterCases(deps.db, orgId, toRegisterFilter(query, organisation.time_zone)),
    listNotificationsOfOrg(deps.db, orgId),
    listCasesWithSubjectsInformed(deps.db, orgId),
  ]);
  const byCase = groupByCase(notifications);
  return rows.map((row) => ({
    entry: buildRegisterEntry({ row, notifications: byCase.get(row.id) ?? [], subjectsInformed: informed.has(row.id), profile, now }),
    createdAt: row.created_at,
  }));
}

async function readableOrganisation(db: DbOrTx, actor: Actor): Promise<OrganisationRow> {
  if (!canReadRegister(actor)) throw notFound('register');
  const organisation = await findOrganisation(db, actor.orgId);
  if (!organisation) throw notFound('register');
  return organisation;
}

function profileOf(organisation: OrganisationRow): OrganisationProfile {
  return { sector: organisation.sector, nis2: organisation.nis2, timeZone: organisation.time_zone };
}

/** The export is recorded with its format and filter; the entries themselves stay out of the audit trail. */
async function auditExport(deps: RegisterDeps, actor: Actor, format: 'csv' | 'pdf', query: RegisterQuery, entries: number): Promise<void> {
  await deps.db.transaction().execute((tx) =>
    recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'register.exported',
      subjectType: 'register',
      subjectId: null,
      details: { format, filter: filterForAudit(query), entries },
    }),
  );
}

function exportFileName(deps: RegisterDeps, organisation: OrganisationRow, extension: 'csv' | 'pdf'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: organisation.time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock.now());
  return `breach-register-${day}.${extension}`;
}
