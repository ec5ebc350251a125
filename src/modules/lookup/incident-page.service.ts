import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { emptyIncidentTexts, incidentTextsSchema, type IncidentPageBody, type IncidentPageView } from './incident-page.schemas.ts';
import { mayManageIncidentPage } from './incident-page.policy.ts';
import {
  findCaseReference,
  findIncidentPageOfCase,
  insertIncidentPage,
  isSlugTakenByOtherCase,
  updateIncidentPage,
  type IncidentPageRow,
} from './incident-page.repository.ts';

export type IncidentPageDeps = Pick<AppContext, 'db' | 'clock'>;

export function incidentPagePath(slug: string): string {
  return `/incident/${encodeURIComponent(slug)}`;
}

export function parseIncidentTexts(json: string): IncidentPageBody['texts'] {
  const raw = JSON.parse(json) as { nl?: unknown; en?: unknown };
  const parse = (value: unknown) => {
    const parsed = incidentTextsSchema.safeParse(value);
    return parsed.success ? parsed.data : emptyIncidentTexts;
  };
  return { nl: parse(raw.nl), en: parse(raw.en) };
}

function toView(row: IncidentPageRow): IncidentPageView {
  return {
    caseId: row.case_id,
    slug: row.slug,
    texts: parseIncidentTexts(row.texts),
    notAffectedReply: row.not_affected_reply,
    allowCustomerLookup: row.allow_customer_lookup === 1,
    published: row.published === 1,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    path: incidentPagePath(row.slug),
  };
}

async function requireCase(deps: IncidentPageDeps, actor: Actor, caseId: string): Promise<void> {
  // Denied looks like absent, so a page of another organisation or role cannot be told from a missing one.
  if (!mayManageIncidentPage(actor)) throw notFound('case');
  if (!(await findCaseReference(deps.db, actor.orgId, caseId))) throw notFound('case');
}

export async function getIncidentPage(deps: IncidentPageDeps, actor: Actor, caseId: string): Promise<IncidentPageView> {
  await requireCase(deps, actor, caseId);
  const row = await findIncidentPageOfCase(deps.db, actor.orgId, caseId);
  if (!row) throw notFound('incident page');
  return toView(row);
}

/** Creates the page of a case or replaces its content; a published page shows the change at once. */
export async function saveIncidentPage(deps: IncidentPageDeps, actor: Actor, caseId: string, body: IncidentPageBody): Promise<IncidentPageView> {
  await requireCase(deps, actor, caseId);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (await isSlugTakenByOtherCase(tx, body.slug, caseId)) {
      throw new AppError('conflict', 'Another incident page already uses this address.', { issues: [{ field: 'slug', message: 'taken' }] });
    }
    const existing = await findIncidentPageOfCase(tx, actor.orgId, caseId);
    const fields = {
      slug: body.slug,
      texts: JSON.stringify(body.texts),
      not_affected_reply: body.notAffectedReply,
      allow_customer_lookup: body.allowCustomerLookup ? 1 : 0,
      updated_at: now,
    };
    if (existing) await updateIncidentPage(tx, caseId, fields);
    else await insertIncidentPage(tx, { case_id: caseId, org_id: actor.orgId, published: 0, published_at: null, created_at: now, ...fields });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: existing ? 'incident_page.updated' : 'incident_page.created',
      subjectType: 'incident_page',
      subjectId: caseId,
      caseId,
      details: { slug: body.slug, notAffectedReply: body.notAffectedReply, allowCustomerLookup: body.allowCustomerLookup },
    });
    return toView((await findIncidentPageOfCase(tx, actor.orgId, caseId))!);
  });
}

export async function setIncidentPagePublished(deps: IncidentPageDeps, actor: Actor, caseId: string, published: boolean): Promise<IncidentPageView> {
  await requireCase(deps, actor, caseId);
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const existing = await findIncidentPageOfCase(tx, actor.orgId, caseId);
    if (!existing) throw notFound('incident page');
    await updateIncidentPage(tx, caseId, published ? { published: 1, published_at: now, updated_at: now } : { published: 0, updated_at: now });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: published ? 'incident_page.published' : 'incident_page.unpublished',
      subjectType: 'incident_page',
      subjectId: caseId,
      caseId,
      details: { slug: existing.slug },
    });
    return toView((await findIncidentPageOfCase(tx, actor.orgId, caseId))!);
  });
}
