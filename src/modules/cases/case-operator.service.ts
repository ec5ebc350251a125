import { AppError } from '../../shared/app-error.ts';
import { sortTasks } from './case-task-templates.ts';
import { presentDetail } from './case-views.ts';
import { findCaseByIdOrReference, findUserNames, listTasksOfCase, listTimelineOfCase } from './cases.repository.ts';
import type { CaseDetailView, TaskView, TimelineView } from './cases.schemas.ts';
import type { CaseDeps } from './cases.service.ts';

export interface CaseReport {
  case: CaseDetailView & { orgId: string };
  tasks: TaskView[];
  timeline: TimelineView['events'];
}

/**
 * One case by id or reference with its tasks and timeline, for the operator's command line: whoever runs the
 * command on the server already holds the whole database, so no organisation scope applies.
 */
export async function showCaseForOperator(deps: CaseDeps, idOrReference: string): Promise<CaseReport> {
  const value = idOrReference.trim();
  if (!value) throw new AppError('validation_failed', 'Give a case id or reference.', { issues: [{ field: 'case', message: 'required' }] });
  const row = await findCaseByIdOrReference(deps.db, value);
  if (!row) throw new AppError('not_found', `no case with id or reference ${value}`);
  const detail = await presentDetail(deps.db, row, deps.clock.now());
  const tasks = sortTasks(await listTasksOfCase(deps.db, row.id));
  const events = await listTimelineOfCase(deps.db, row.org_id, row.id);
  const names = await findUserNames(deps.db, [
    ...tasks.flatMap((t) => (t.assignee_user_id ? [t.assignee_user_id] : [])),
    ...events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])),
  ]);
  return {
    case: { ...detail, orgId: row.org_id },
    tasks: tasks.map((t) => ({
      id: t.id,
      templateKey: t.template_key,
      title: t.title,
      assignee: t.assignee_user_id ? { id: t.assignee_user_id, name: names.get(t.assignee_user_id) ?? '' } : null,
      dueAt: t.due_at,
      status: t.status,
      completedAt: t.completed_at,
    })),
    timeline: events.map((e) => ({
      seq: Number(e.seq),
      at: e.created_at,
      action: e.action,
      actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? e.actor_label) : e.actor_label,
      details: JSON.parse(e.details) as Record<string, unknown>,
    })),
  };
}
