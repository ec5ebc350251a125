import type { AppContext } from '../../app-context.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { nextReference, referencePrefix } from './case-reference.ts';
import { caseReadScope } from './cases.policy.ts';
import { findCaseOfOrg, findLastReference, insertCase, listCasesOfOrg } from './cases.repository.ts';
import { createCaseInput, type CaseDetailView, type CaseSummaryView, type CreateCaseInput } from './cases.schemas.ts';

export type CaseDeps = Pick<AppContext, 'db' | 'clock'>;

export async function listCases(deps: Pick<CaseDeps, 'db'>, actor: Actor): Promise<CaseSummaryView[]> {
  const scope = caseReadScope(actor);
  if (!scope) return [];
  return (await listCasesOfOrg(deps.db, scope.orgId)).map(toSummary);
}

export async function getCase(deps: Pick<CaseDeps, 'db'>, actor: Actor, id: string): Promise<CaseDetailView> {
  const scope = caseReadScope(actor);
  if (!scope) throw notFound('case');
  const row = await findCaseOfOrg(deps.db, scope.orgId, id);
  if (!row) throw notFound('case');
  return { ...toSummary(row), summary: row.summary, updatedAt: row.updated_at };
}

/** Opens a case in an organisation with the next free reference of the current year. */
export async function createCase(deps: CaseDeps, orgId: string, input: CreateCaseInput, by: AuditInput['actor']): Promise<CaseDetailView> {
  const parsed = createCaseInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
    throw new AppError('validation_failed', 'The case is invalid.', { issues });
  }
  const data = parsed.data;
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const row = await deps.db.transaction().execute(async (tx) => {
    // Recording the audit entry first takes the chain lock, which also serialises the choice of reference.
    await recordAuditEvent(tx, deps.clock, { orgId, actor: by, action: 'case.created', subjectType: 'case', subjectId: id, details: { state: data.state } });
    const year = now.getUTCFullYear();
    const reference = nextReference(year, await findLastReference(tx, referencePrefix(year)));
    const created: CaseRow = {
      id,
      org_id: orgId,
      reference,
      title: data.title,
      summary: data.summary,
      state: data.state,
      owner_user_id: null,
      aware_at: data.awareAt,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await insertCase(tx, created);
    return created;
  });
  return { ...toSummary(row), summary: row.summary, updatedAt: row.updated_at };
}

function toSummary(row: CaseRow): CaseSummaryView {
  return { id: row.id, reference: row.reference, title: row.title, state: row.state, awareAt: row.aware_at, createdAt: row.created_at };
}
