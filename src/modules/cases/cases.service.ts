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

/** Every case of an organisation, for system work such as loading demo data (no actor, no policy). */
export async function listCasesOfOrganisation(deps: Pick<CaseDeps, 'db'>, orgId: string): Promise<CaseSummaryView[]> {
  return (await listCasesOfOrg(deps.db, orgId)).map(toSummary);
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
  const year = now.getUTCFullYear();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const view = await deps.db.transaction().execute(async (tx) => {
        const reference = nextReference(year, await findLastReference(tx, referencePrefix(year)));
        const row = {
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
        if ((await insertCase(tx, row)) === 'duplicate_reference') throw new ReferenceTaken();
        await recordAuditEvent(tx, deps.clock, { orgId, actor: by, action: 'case.created', subjectType: 'case', subjectId: id, caseId: id, details: { reference, state: data.state } });
        return { ...toSummary(row), summary: row.summary, updatedAt: row.updated_at };
      });
      return view;
    } catch (error) {
      // Two cases opened at the same moment may pick the same reference; the loser takes the next one.
      if (!(error instanceof ReferenceTaken) || attempt >= 10) throw error;
    }
  }
}

class ReferenceTaken extends Error {}

function toSummary(row: Pick<CaseRow, 'id' | 'reference' | 'title' | 'state' | 'aware_at' | 'created_at'>): CaseSummaryView {
  return { id: row.id, reference: row.reference, title: row.title, state: row.state, awareAt: row.aware_at, createdAt: row.created_at };
}
