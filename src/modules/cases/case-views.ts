import type { DbOrTx } from '../../db/database.ts';
import type { CaseRow, Organisation } from '../../db/schema.ts';
import { allowedTransitions } from './case-lifecycle.ts';
import { caseDeadlines, nextDeadline } from './case-deadlines.ts';
import { loadClockFacts } from './case-clocks.service.ts';
import { countCaseItems, findOrganisationRow, findUserNames, listBrandsOfOrg, listPartiesOfCase, listReportsOfCase } from './cases.repository.ts';
import type { CaseDetailView, CaseSummaryView } from './cases.schemas.ts';

/** Presents cases as the list shows them, with each one's next deadline. */
export async function presentSummaries(db: DbOrTx, rows: readonly CaseRow[], now: Date): Promise<CaseSummaryView[]> {
  const names = await findUserNames(db, rows.flatMap((r) => (r.owner_user_id ? [r.owner_user_id] : [])));
  const organisations = new Map<string, Organisation | undefined>();
  const views: CaseSummaryView[] = [];
  for (const row of rows) {
    if (!organisations.has(row.org_id)) organisations.set(row.org_id, await findOrganisationRow(db, row.org_id));
    const facts = await loadClockFacts(db, row, organisations.get(row.org_id));
    const parties = await listPartiesOfCase(db, row.id);
    const deadlines = caseDeadlines(facts, parties.map((p) => p.id), now);
    views.push(summaryOf(row, row.owner_user_id ? (names.get(row.owner_user_id) ?? null) : null, nextDeadline(deadlines, row.state)));
  }
  return views;
}

function summaryOf(row: CaseRow, ownerName: string | null, next: CaseSummaryView['nextDeadline']): CaseSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    state: row.state,
    ownerName,
    awareAt: row.aware_at,
    createdAt: row.created_at,
    riskOutcome: row.risk_outcome,
    nextDeadline: next,
  };
}

/** Everything the case page shows in one answer. */
export async function presentDetail(db: DbOrTx, row: CaseRow, now: Date): Promise<CaseDetailView> {
  const organisation = await findOrganisationRow(db, row.org_id);
  const facts = await loadClockFacts(db, row, organisation);
  const parties = await listPartiesOfCase(db, row.id);
  const deadlines = caseDeadlines(facts, parties.map((p) => p.id), now);
  const brands = new Map((await listBrandsOfOrg(db, row.org_id)).map((b) => [b.id, b.name]));
  const ownerName = row.owner_user_id ? ((await findUserNames(db, [row.owner_user_id])).get(row.owner_user_id) ?? null) : null;
  return {
    ...summaryOf(row, ownerName, nextDeadline(deadlines, row.state)),
    summary: row.summary,
    allowedTransitions: allowedTransitions(row.state),
    owner: row.owner_user_id && ownerName !== null ? { id: row.owner_user_id, name: ownerName } : null,
    detectedAt: row.detected_at,
    occurredAt: row.occurred_at,
    facts: parseJsonObject(row.facts),
    factSources: parseJsonObject(row.fact_sources),
    effects: row.effects,
    remedialAction: row.remedial_action,
    decisionReason: row.decision_reason,
    notABreach: Number(row.not_a_breach) === 1,
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
    updatedAt: row.updated_at,
    parties: parties.map((p) => ({
      id: p.id,
      brandId: p.brand_id,
      name: p.brand_id ? (brands.get(p.brand_id) ?? '') : (organisation?.name ?? ''),
      role: p.role,
    })),
    deadlines,
    reports: await listReportsOfCase(db, row.id),
    counts: await countCaseItems(db, row.id),
  };
}

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
