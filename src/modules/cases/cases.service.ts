import type { AppContext } from '../../app-context.ts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent, type AuditInput } from '../audit/index.ts';
import { loadCaseDeadlines } from './case-clocks.service.ts';
import { causeOf, updateFactSources, validatePartialFacts, type FactSource } from './case-facts-input.ts';
import { checkTransition } from './case-lifecycle.ts';
import { parseJsonObject, presentDetail, presentSummaries } from './case-views.ts';
import { caseReadScope, mayOnCases, type CaseAction } from './cases.policy.ts';
import {
  countNotificationsOfParty,
  deletePartyOfCase,
  findAssignableUser,
  findCaseOfOrg,
  findOrganisationRow,
  insertParty,
  isUserInvolvedInCase,
  listAllCases,
  listBrandsOfOrg,
  listCasesInvolvingUser,
  listCasesOfOrg,
  listPartiesOfCase,
  updateCaseRow,
} from './cases.repository.ts';
import {
  addPartyBody,
  createCaseBody,
  createCaseInput,
  factsBody,
  transitionBody,
  updateCaseBody,
  type CaseDetailView,
  type CaseSummaryView,
  type CreateCaseInput,
} from './cases.schemas.ts';
import { scheduleDeadlineReminders } from './deadline-reminder.job.ts';
import { openCase } from './open-case.ts';
import { parseInput } from './parse-input.ts';

export type CaseDeps = Pick<AppContext, 'db' | 'clock'>;

/**
 * The case an actor may act on, or not found: a case of another organisation, one a reporting member of
 * staff is not involved in, and an action the role may not take all answer alike.
 */
export async function loadCaseFor(db: DbOrTx, actor: Actor, id: string, action: CaseAction): Promise<CaseRow> {
  const scope = caseReadScope(actor);
  if (scope === 'none' || !mayOnCases(actor, action)) throw notFound('case');
  const row = await findCaseOfOrg(db, actor.orgId, id);
  if (!row) throw notFound('case');
  if (scope === 'involved' && !(await isUserInvolvedInCase(db, row.id, actor.userId))) throw notFound('case');
  return row;
}

export async function listCases(deps: CaseDeps, actor: Actor, filter: { state?: string } = {}): Promise<CaseSummaryView[]> {
  const scope = caseReadScope(actor);
  if (scope === 'none') return [];
  const rows = scope === 'involved' ? await listCasesInvolvingUser(deps.db, actor.orgId, actor.userId, filter.state) : await listCasesOfOrg(deps.db, actor.orgId, filter.state);
  return presentSummaries(deps.db, rows, deps.clock.now());
}

export async function getCase(deps: CaseDeps, actor: Actor, id: string): Promise<CaseDetailView> {
  const row = await loadCaseFor(deps.db, actor, id, 'read');
  return presentDetail(deps.db, row, deps.clock.now());
}

/** Every case of an organisation, for system work such as loading demo data (no actor, no policy). */
export async function listCasesOfOrganisation(deps: CaseDeps, orgId: string): Promise<CaseSummaryView[]> {
  return presentSummaries(deps.db, await listCasesOfOrg(deps.db, orgId), deps.clock.now());
}

/** Every case of every organisation, for the operator's command line. */
export async function listEveryCase(deps: CaseDeps): Promise<Array<CaseSummaryView & { orgId: string }>> {
  const rows = await listAllCases(deps.db);
  const views = await presentSummaries(deps.db, rows, deps.clock.now());
  return views.map((view, i) => ({ ...view, orgId: rows[i]!.org_id }));
}

/** Opens a case by code (command line, demo data): the state and the owner may be given. */
export async function createCase(deps: CaseDeps, orgId: string, input: CreateCaseInput, by: AuditInput['actor']): Promise<CaseDetailView> {
  const data = parseInput(createCaseInput, input, 'The case is invalid.');
  const row = await deps.db.transaction().execute(async (tx) => {
    if (data.ownerUserId && !(await findAssignableUser(tx, orgId, data.ownerUserId))) {
      throw new AppError('validation_failed', 'The case is invalid.', { issues: [{ field: 'ownerUserId', message: 'no such active account in this organisation' }] });
    }
    return openCase(
      tx,
      deps,
      { orgId, ...data, brandIds: [], notABreach: false, closedReason: data.state === 'closed' ? 'Closed when created' : null, facts: {}, factSource: null },
      by,
    );
  });
  return presentDetail(deps.db, row, deps.clock.now());
}

/** POST /api/cases: the person opening the case owns it; it starts in triage. */
export async function openCaseAsActor(deps: CaseDeps, actor: Actor, input: unknown): Promise<CaseDetailView> {
  if (caseReadScope(actor) === 'none' || !mayOnCases(actor, 'create')) throw notFound('case');
  const data = parseInput(createCaseBody, input, 'The case is invalid.');
  const row = await deps.db.transaction().execute((tx) =>
    openCase(
      tx,
      deps,
      {
        orgId: actor.orgId,
        title: data.title,
        summary: data.summary,
        state: 'triage',
        awareAt: data.awareAt ?? null,
        detectedAt: data.detectedAt ?? null,
        occurredAt: data.occurredAt ?? null,
        ownerUserId: actor.userId,
        brandIds: data.brandIds,
        notABreach: false,
        closedReason: null,
        facts: {},
        factSource: null,
      },
      actor,
    ),
  );
  return presentDetail(deps.db, row, deps.clock.now());
}

const editableFields = {
  title: 'title',
  summary: 'summary',
  ownerUserId: 'owner_user_id',
  awareAt: 'aware_at',
  detectedAt: 'detected_at',
  occurredAt: 'occurred_at',
  effects: 'effects',
  remedialAction: 'remedial_action',
  decisionReason: 'decision_reason',
} as const;

export async function updateCase(deps: CaseDeps, actor: Actor, id: string, input: unknown): Promise<CaseDetailView> {
  const data = parseInput(updateCaseBody, input, 'The case is invalid.');
  const row = await deps.db.transaction().execute(async (tx) => {
    const current = await loadCaseFor(tx, actor, id, 'manage');
    if (data.ownerUserId && !(await findAssignableUser(tx, actor.orgId, data.ownerUserId))) {
      throw new AppError('validation_failed', 'The case is invalid.', { issues: [{ field: 'ownerUserId', message: 'no such active account in this organisation' }] });
    }
    const changes: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of Object.entries(editableFields) as Array<[keyof typeof editableFields, (typeof editableFields)[keyof typeof editableFields]]>) {
      const value = data[field];
      if (value === undefined || value === current[column]) continue;
      changes[column] = value;
      changed.push(field);
    }
    if (changed.length === 0) return current;
    const updatedAt = deps.clock.now().toISOString();
    await updateCaseRow(tx, current.id, { ...changes, updated_at: updatedAt });
    const updated = { ...current, ...changes, updated_at: updatedAt } as CaseRow;
    // Moments and owners are facts about the handling, not personal data: the timeline may name them.
    const details: Record<string, unknown> = { fields: changed };
    for (const field of ['awareAt', 'detectedAt', 'occurredAt', 'ownerUserId'] as const) if (changed.includes(field)) details[field] = data[field];
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.updated', subjectType: 'case', subjectId: id, caseId: id, details });
    if (changed.some((f) => f === 'awareAt' || f === 'detectedAt' || f === 'ownerUserId')) await replanReminders(tx, deps, updated);
    return updated;
  });
  return presentDetail(deps.db, row, deps.clock.now());
}

/** PUT /api/cases/:id/facts: replaces the facts; each new or changed one is recorded as entered by the actor. */
export async function setCaseFacts(deps: CaseDeps, actor: Actor, id: string, input: unknown): Promise<CaseDetailView> {
  const body = parseInput(factsBody, input, 'The case facts are not valid.');
  const facts = validatePartialFacts(body.facts);
  const row = await deps.db.transaction().execute(async (tx) => {
    const current = await loadCaseFor(tx, actor, id, 'edit_facts');
    const at = deps.clock.now().toISOString();
    const { sources, changed } = updateFactSources(
      parseJsonObject(current.facts),
      facts,
      parseJsonObject(current.fact_sources) as Record<string, FactSource>,
      { source: 'user', by: actor.userId, at },
    );
    const changes = { facts: JSON.stringify(facts), fact_sources: JSON.stringify(sources), cause: causeOf(facts), updated_at: at };
    await updateCaseRow(tx, current.id, changes);
    if (changed.length > 0) {
      await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.facts_changed', subjectType: 'case', subjectId: id, caseId: id, details: { paths: changed } });
    }
    return { ...current, ...changes };
  });
  return presentDetail(deps.db, row, deps.clock.now());
}

export async function transitionCase(deps: CaseDeps, actor: Actor, id: string, input: unknown): Promise<CaseDetailView> {
  const body = parseInput(transitionBody, input, 'The transition is invalid.');
  const row = await deps.db.transaction().execute(async (tx) => {
    const current = await loadCaseFor(tx, actor, id, 'manage');
    const check = checkTransition(current.state, body.to, body.reason);
    if (!check.ok && check.problem === 'not_allowed') {
      const allowed = check.allowed.length > 0 ? check.allowed.join(', ') : 'none';
      throw new AppError('invalid_transition', `A case in state ${current.state} cannot move to ${body.to}; allowed: ${allowed}.`, { details: { from: current.state, to: body.to, allowed: check.allowed } });
    }
    if (!check.ok) {
      throw new AppError('validation_failed', 'Give a reason for this change of state.', { issues: [{ field: 'reason', message: 'must not be empty' }] });
    }
    const at = deps.clock.now().toISOString();
    const reason = body.reason?.trim() || null;
    const changes =
      body.to === 'closed'
        ? { state: body.to, closed_at: at, closed_reason: reason, updated_at: at }
        : current.state === 'closed'
          ? { state: body.to, closed_at: null, closed_reason: null, not_a_breach: 0, updated_at: at }
          : { state: body.to, updated_at: at };
    await updateCaseRow(tx, current.id, changes);
    const action = current.state === 'closed' ? 'case.reopened' : body.to === 'closed' ? 'case.closed' : 'case.transitioned';
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action, subjectType: 'case', subjectId: id, caseId: id, details: { from: current.state, to: body.to, ...(reason ? { reason } : {}) } });
    const updated = { ...current, ...changes } as CaseRow;
    if (current.state === 'closed') await replanReminders(tx, deps, updated);
    return updated;
  });
  return presentDetail(deps.db, row, deps.clock.now());
}

export async function addParty(deps: CaseDeps, actor: Actor, id: string, input: unknown): Promise<CaseDetailView['parties'][number]> {
  const body = parseInput(addPartyBody, input, 'The party is invalid.');
  return deps.db.transaction().execute(async (tx) => {
    const current = await loadCaseFor(tx, actor, id, 'manage');
    const brands = new Map((await listBrandsOfOrg(tx, actor.orgId)).map((b) => [b.id, b.name]));
    if (body.brandId !== null && !brands.has(body.brandId)) {
      throw new AppError('validation_failed', 'The party is invalid.', { issues: [{ field: 'brandId', message: 'no such brand in this organisation' }] });
    }
    const parties = await listPartiesOfCase(tx, current.id);
    if (parties.some((p) => p.brand_id === body.brandId)) throw new AppError('conflict', 'This controller is already a party to the case.');
    const party = { id: newId(), case_id: current.id, org_id: actor.orgId, brand_id: body.brandId, role: body.role, created_at: deps.clock.now().toISOString() };
    await insertParty(tx, party);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.party_added', subjectType: 'case_party', subjectId: party.id, caseId: id, details: { brandId: body.brandId, role: body.role } });
    await replanReminders(tx, deps, current);
    const name = body.brandId ? (brands.get(body.brandId) ?? '') : ((await findOrganisationRow(tx, actor.orgId))?.name ?? '');
    return { id: party.id, brandId: party.brand_id, name, role: party.role };
  });
}

export async function removeParty(deps: CaseDeps, actor: Actor, id: string, partyId: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const current = await loadCaseFor(tx, actor, id, 'manage');
    const parties = await listPartiesOfCase(tx, current.id);
    if (!parties.some((p) => p.id === partyId)) throw notFound('party');
    if (parties.length === 1) throw new AppError('conflict', 'A case keeps at least one controller.');
    if ((await countNotificationsOfParty(tx, partyId)) > 0) throw new AppError('conflict', 'Notifications were recorded for this party; it stays on the case.');
    await deletePartyOfCase(tx, current.id, partyId);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.party_removed', subjectType: 'case_party', subjectId: partyId, caseId: id });
  });
}

/** Plans reminders for the case's current deadlines; older ones that no longer match skip themselves. */
export async function replanReminders(tx: Tx, deps: Pick<CaseDeps, 'clock'>, row: CaseRow): Promise<void> {
  if (row.state === 'closed') return;
  const now = deps.clock.now();
  await scheduleDeadlineReminders(tx, row.id, await loadCaseDeadlines(tx, row, now), now);
}
