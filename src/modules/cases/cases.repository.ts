import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database.ts';
import type {
  AuditEvent,
  CaseCommentTable,
  CaseNotificationTable,
  CasePartyTable,
  CaseRow,
  CaseTable,
  CaseTaskTable,
  Organisation,
} from '../../db/schema.ts';

export type CasePartyRow = Selectable<CasePartyTable>;
export type CaseTaskRow = Selectable<CaseTaskTable>;
export type CaseCommentRow = Selectable<CaseCommentTable>;
export type CaseNotificationRow = Selectable<CaseNotificationTable>;

export async function listCasesOfOrg(db: DbOrTx, orgId: string, state?: string): Promise<CaseRow[]> {
  let query = db.selectFrom('cases').selectAll().where('org_id', '=', orgId);
  if (state) query = query.where('state', '=', state);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Cases an account owns or holds a task on: what a reporting member of staff may read. */
export async function listCasesInvolvingUser(db: DbOrTx, orgId: string, userId: string, state?: string): Promise<CaseRow[]> {
  let query = db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('owner_user_id', '=', userId),
        eb.exists(eb.selectFrom('case_tasks').select('case_tasks.id').whereRef('case_tasks.case_id', '=', 'cases.id').where('case_tasks.assignee_user_id', '=', userId)),
      ]),
    );
  if (state) query = query.where('state', '=', state);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function isUserInvolvedInCase(db: DbOrTx, caseId: string, userId: string): Promise<boolean> {
  const owner = await db.selectFrom('cases').select('id').where('id', '=', caseId).where('owner_user_id', '=', userId).executeTakeFirst();
  if (owner) return true;
  const task = await db.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).where('assignee_user_id', '=', userId).limit(1).executeTakeFirst();
  return task !== undefined;
}

export async function findCaseOfOrg(db: DbOrTx, orgId: string, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Any organisation's case by id or reference; for the command line, which works for the operator. */
export async function findCaseByIdOrReference(db: DbOrTx, value: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', value), eb('reference', '=', value.toUpperCase())]))
    .executeTakeFirst();
}

export async function findCaseById(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAllCases(db: DbOrTx): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** The highest reference with this prefix; longer ones first, so that 10000 sorts after 9999. */
export async function findLastReference(db: DbOrTx, prefix: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('reference', 'like', `${prefix}%`)
    .orderBy(sql`length(reference)`, 'desc')
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.reference;
}

/**
 * Inserts a case inside a savepoint, so that losing a race for the reference rolls back only this insert
 * (PostgreSQL aborts the whole transaction otherwise) and the caller can try the next reference.
 */
export async function insertCase(tx: Tx, row: Insertable<CaseTable>): Promise<'inserted' | 'duplicate_reference'> {
  await sql`savepoint case_insert`.execute(tx);
  try {
    await tx.insertInto('cases').values(row).execute();
    await sql`release savepoint case_insert`.execute(tx);
    return 'inserted';
  } catch (error) {
    await sql`rollback to savepoint case_insert`.execute(tx);
    if (isUniqueViolation(error)) return 'duplicate_reference';
    throw error;
  }
}

export async function updateCaseRow(db: DbOrTx, id: string, changes: Updateable<CaseTable>): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

// better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE; PostgreSQL reports SQLSTATE 23505.
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function findOrganisationRow(db: DbOrTx, orgId: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function listBrandsOfOrg(db: DbOrTx, orgId: string): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('brands').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
}

export async function insertParty(db: DbOrTx, row: CasePartyRow): Promise<void> {
  await db.insertInto('case_parties').values(row).execute();
}

/** The organisation itself first, then its brands in the order they were added. */
export async function listPartiesOfCase(db: DbOrTx, caseId: string): Promise<CasePartyRow[]> {
  return db
    .selectFrom('case_parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy(sql`case when brand_id is null then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countNotificationsOfParty(db: DbOrTx, partyId: string): Promise<number> {
  const row = await db.selectFrom('case_notifications').select((eb) => eb.fn.countAll<string | number>().as('n')).where('party_id', '=', partyId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deletePartyOfCase(db: DbOrTx, caseId: string, partyId: string): Promise<boolean> {
  const result = await db.deleteFrom('case_parties').where('case_id', '=', caseId).where('id', '=', partyId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertTasks(db: DbOrTx, rows: CaseTaskRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_tasks').values(rows).execute();
}

export async function listTasksOfCase(db: DbOrTx, caseId: string): Promise<CaseTaskRow[]> {
  return db.selectFrom('case_tasks').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function findTaskOfCase(db: DbOrTx, caseId: string, taskId: string): Promise<CaseTaskRow | undefined> {
  return db.selectFrom('case_tasks').selectAll().where('case_id', '=', caseId).where('id', '=', taskId).executeTakeFirst();
}

export async function updateTaskRow(db: DbOrTx, taskId: string, changes: Updateable<CaseTaskTable>): Promise<void> {
  await db.updateTable('case_tasks').set(changes).where('id', '=', taskId).execute();
}

export async function insertComment(db: DbOrTx, row: CaseCommentRow): Promise<void> {
  await db.insertInto('case_comments').values(row).execute();
}

export async function listCommentsOfCase(db: DbOrTx, caseId: string): Promise<CaseCommentRow[]> {
  return db.selectFrom('case_comments').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function insertNotification(db: DbOrTx, row: CaseNotificationRow): Promise<void> {
  await db.insertInto('case_notifications').values(row).execute();
}

export async function listNotificationsOfCase(db: DbOrTx, caseId: string): Promise<CaseNotificationRow[]> {
  return db.selectFrom('case_notifications').selectAll().where('case_id', '=', caseId).orderBy('sent_at').orderBy('id').execute();
}

export async function listReportsOfCase(db: DbOrTx, caseId: string): Promise<Array<{ id: string; reference: string; source: string }>> {
  return db.selectFrom('reports').select(['id', 'reference', 'source']).where('case_id', '=', caseId).orderBy('created_at').execute();
}

/** The earliest processor report on a case, with the reporting deadline agreed with that processor. */
export async function findProcessorReportOfCase(
  db: DbOrTx,
  orgId: string,
  caseId: string,
): Promise<{ processorAwareAt: string | null; processorReportedAt: string | null; deadlineHours: number | null } | undefined> {
  const row = await db
    .selectFrom('reports')
    .leftJoin('processor_links', (join) =>
      join.onRef('processor_links.processor_org_id', '=', 'reports.processor_org_id').on('processor_links.controller_org_id', '=', orgId),
    )
    .select(['reports.processor_aware_at', 'reports.processor_reported_at', 'reports.created_at', 'processor_links.report_deadline_hours'])
    .where('reports.case_id', '=', caseId)
    .where('reports.source', '=', 'processor')
    .orderBy('reports.created_at')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    processorAwareAt: row.processor_aware_at,
    processorReportedAt: row.processor_reported_at ?? row.created_at,
    deadlineHours: row.report_deadline_hours === null ? null : Number(row.report_deadline_hours),
  };
}

export async function countCaseItems(db: DbOrTx, caseId: string): Promise<{ openTasks: number; tasks: number; comments: number; files: number }> {
  const count = async (table: 'case_tasks' | 'case_comments' | 'files', openOnly = false) => {
    let query = db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).where('case_id', '=', caseId);
    if (openOnly) query = query.where('status' as never, '=', 'open' as never);
    return Number((await query.executeTakeFirst())?.n ?? 0);
  };
  return { openTasks: await count('case_tasks', true), tasks: await count('case_tasks'), comments: await count('case_comments'), files: await count('files') };
}

/** The case's audit entries, oldest first: its timeline. */
export async function listTimelineOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<AuditEvent[]> {
  return db.selectFrom('audit_events').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).orderBy('seq', 'asc').execute();
}

export async function findUserNames(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Accounts of the organisation that can own a case or hold a task: enabled staff, never processors. */
export async function listAssignableUsersOfOrg(db: DbOrTx, orgId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('org_id', '=', orgId)
    .where('disabled_at', 'is', null)
    .where('role', '!=', 'processor')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export async function findAssignableUser(db: DbOrTx, orgId: string, userId: string): Promise<{ id: string; name: string; email: string; locale: 'nl' | 'en' } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'email', 'locale'])
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('role', '!=', 'processor')
    .executeTakeFirst();
}

/** Whether an identical job is still waiting, so that planning reminders again does not double them. */
export async function hasQueuedJob(db: DbOrTx, name: string, payload: string): Promise<boolean> {
  const row = await db.selectFrom('jobs').select('id').where('name', '=', name).where('status', '=', 'queued').where('payload', '=', payload).limit(1).executeTakeFirst();
  return row !== undefined;
}
