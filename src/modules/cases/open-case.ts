import type { Tx } from '../../db/database.ts';
import type { Insertable } from 'kysely';
import type { CaseRow, CaseTable } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { caseDeadlines } from './case-deadlines.ts';
import { loadClockFacts } from './case-clocks.service.ts';
import { causeOf, factPaths, type FactSource, type PartialFacts } from './case-facts-input.ts';
import type { CaseLifecycleState } from './case-lifecycle.ts';
import { nextReference, referencePrefix } from './case-reference.ts';
import { tasksFromTemplates } from './case-task-templates.ts';
import { findLastReference, findOrganisationRow, insertCase, insertParty, insertTasks, listBrandsOfOrg, listPartiesOfCase } from './cases.repository.ts';
import { scheduleDeadlineReminders } from './deadline-reminder.job.ts';

export interface OpenCaseInput {
  orgId: string;
  title: string;
  summary: string;
  state: CaseLifecycleState;
  awareAt: string | null;
  detectedAt: string | null;
  occurredAt: string | null;
  ownerUserId: string | null;
  /** Brands of the organisation that are controllers in this breach besides the organisation itself. */
  brandIds: readonly string[];
  notABreach: boolean;
  closedReason: string | null;
  /** Validated partial case facts and where they came from. */
  facts: PartialFacts;
  factSource: Omit<FactSource, 'at'> | null;
}

/**
 * Opens a case in the caller's transaction: the next free reference of the year, the organisation (and any
 * brands) as controllers, the template tasks due at the clocks, the audit entry and the deadline reminders.
 */
export async function openCase(tx: Tx, deps: { clock: Clock }, input: OpenCaseInput, by: AuditInput['actor']): Promise<CaseRow> {
  const organisation = await findOrganisationRow(tx, input.orgId);
  if (!organisation) throw notFound('organisation');
  const brands = new Set((await listBrandsOfOrg(tx, input.orgId)).map((b) => b.id));
  const unknownBrand = input.brandIds.findIndex((id) => !brands.has(id));
  if (unknownBrand >= 0) {
    throw new AppError('validation_failed', 'The case is invalid.', { issues: [{ field: `brandIds.${unknownBrand}`, message: 'no such brand in this organisation' }] });
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId(now.getTime());
  const factSources: Record<string, FactSource> = {};
  if (input.factSource) for (const path of factPaths(input.facts).keys()) factSources[path] = { ...input.factSource, at };
  const closed = input.state === 'closed';
  const base = {
    id,
    org_id: input.orgId,
    title: input.title,
    summary: input.summary,
    state: input.state,
    owner_user_id: input.ownerUserId,
    aware_at: input.awareAt,
    detected_at: input.detectedAt,
    occurred_at: input.occurredAt,
    facts: JSON.stringify(input.facts),
    fact_sources: JSON.stringify(factSources),
    cause: causeOf(input.facts),
    not_a_breach: input.notABreach ? 1 : 0,
    closed_at: closed ? at : null,
    closed_reason: closed ? input.closedReason : null,
    created_at: at,
    updated_at: at,
  };
  const reference = await insertWithNextReference(tx, base, now.getUTCFullYear());

  await insertParty(tx, { id: newId(), case_id: id, org_id: input.orgId, brand_id: null, role: 'controller', created_at: at });
  for (const brandId of input.brandIds) {
    await insertParty(tx, { id: newId(), case_id: id, org_id: input.orgId, brand_id: brandId, role: 'controller', created_at: at });
  }

  const row = { ...base, reference, risk_outcome: null, effects: '', remedial_action: '', decision_reason: '' } satisfies CaseRow;
  const facts = await loadClockFacts(tx, row, organisation);
  const parties = await listPartiesOfCase(tx, id);
  const deadlines = caseDeadlines(facts, parties.map((p) => p.id), now);
  if (!closed) {
    const firstParty = parties[0]?.id ?? null;
    const obligations = deadlines.filter((d) => d.partyId === firstParty).map((d) => ({ id: d.obligation, dueAt: d.dueAt, status: d.status }));
    const tasks = tasksFromTemplates(organisation.default_locale, obligations);
    await insertTasks(
      tx,
      tasks.map((task) => ({
        id: newId(),
        case_id: id,
        org_id: input.orgId,
        template_key: task.templateKey,
        title: task.title,
        assignee_user_id: null,
        due_at: task.dueAt,
        status: 'open' as const,
        completed_at: null,
        completed_by: null,
        created_at: at,
      })),
    );
  }

  await recordAuditEvent(tx, deps.clock, {
    orgId: input.orgId,
    actor: by,
    action: 'case.created',
    subjectType: 'case',
    subjectId: id,
    caseId: id,
    details: { reference, state: input.state, notABreach: input.notABreach, parties: parties.length },
  });
  if (!closed) await scheduleDeadlineReminders(tx, id, deadlines, now);
  return row;
}

/** Inserts the case under the next free reference of the year and returns that reference. */
async function insertWithNextReference(tx: Tx, row: Omit<Insertable<CaseTable>, 'reference'>, year: number): Promise<string> {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const reference = nextReference(year, await findLastReference(tx, referencePrefix(year)));
    // Two cases opened at the same moment may pick the same reference; the loser takes the next one.
    if ((await insertCase(tx, { ...row, reference })) === 'inserted') return reference;
  }
  throw new AppError('conflict', 'No free case reference could be taken; try again.');
}
