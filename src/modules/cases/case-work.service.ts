import { Readable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { requiresDelayReason, type ObligationId } from '../clocks/index.ts';
import { listFilesOfCase, openFile, storeFile, toFileView, type FileView } from '../files/index.ts';
import { loadClockFacts } from './case-clocks.service.ts';
import { obligationsOfParty } from './case-deadlines.ts';
import { sortTasks } from './case-task-templates.ts';
import { caseReadScope, mayOnCases } from './cases.policy.ts';
import {
  findAssignableUser,
  findTaskOfCase,
  findUserNames,
  insertComment,
  insertNotification,
  insertTasks,
  listAssignableUsersOfOrg,
  listCommentsOfCase,
  listNotificationsOfCase,
  listPartiesOfCase,
  listTasksOfCase,
  listTimelineOfCase,
  updateTaskRow,
  type CaseTaskRow,
} from './cases.repository.ts';
import {
  createCommentBody,
  createNotificationBody,
  createTaskBody,
  updateTaskBody,
  type CommentView,
  type NotificationView,
  type TaskView,
  type TimelineView,
} from './cases.schemas.ts';
import { loadCaseFor, replanReminders, type CaseDeps } from './cases.service.ts';
import { parseInput } from './parse-input.ts';

export async function listTasks(deps: CaseDeps, actor: Actor, caseId: string): Promise<TaskView[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const tasks = sortTasks(await listTasksOfCase(deps.db, row.id));
  const names = await findUserNames(deps.db, tasks.flatMap((t) => (t.assignee_user_id ? [t.assignee_user_id] : [])));
  return tasks.map((t) => toTaskView(t, names));
}

function toTaskView(task: CaseTaskRow, names: Map<string, string>): TaskView {
  const assigneeName = task.assignee_user_id ? names.get(task.assignee_user_id) : undefined;
  return {
    id: task.id,
    templateKey: task.template_key,
    title: task.title,
    assignee: task.assignee_user_id && assigneeName !== undefined ? { id: task.assignee_user_id, name: assigneeName } : null,
    dueAt: task.due_at,
    status: task.status,
    completedAt: task.completed_at,
  };
}

async function requireAssignee(db: DbOrTx, orgId: string, userId: string | null | undefined): Promise<void> {
  if (userId && !(await findAssignableUser(db, orgId, userId))) {
    throw new AppError('validation_failed', 'The task is invalid.', { issues: [{ field: 'assigneeUserId', message: 'no such active account in this organisation' }] });
  }
}

export async function createTask(deps: CaseDeps, actor: Actor, caseId: string, input: unknown): Promise<TaskView> {
  const body = parseInput(createTaskBody, input, 'The task is invalid.');
  const task = await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'work_tasks');
    await requireAssignee(tx, actor.orgId, body.assigneeUserId);
    const task: CaseTaskRow = {
      id: newId(),
      case_id: row.id,
      org_id: actor.orgId,
      template_key: null,
      title: body.title,
      assignee_user_id: body.assigneeUserId ?? null,
      due_at: body.dueAt ?? null,
      status: 'open',
      completed_at: null,
      completed_by: null,
      created_at: deps.clock.now().toISOString(),
    };
    await insertTasks(tx, [task]);
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.task_created', subjectType: 'case_task', subjectId: task.id, caseId, details: { title: task.title } });
    return task;
  });
  return toTaskView(task, await findUserNames(deps.db, task.assignee_user_id ? [task.assignee_user_id] : []));
}

export async function updateTask(deps: CaseDeps, actor: Actor, caseId: string, taskId: string, input: unknown): Promise<TaskView> {
  const body = parseInput(updateTaskBody, input, 'The task is invalid.');
  const task = await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'work_tasks');
    const current = await findTaskOfCase(tx, row.id, taskId);
    if (!current) throw notFound('task');
    await requireAssignee(tx, actor.orgId, body.assigneeUserId);
    const at = deps.clock.now().toISOString();
    const changes: Partial<CaseTaskRow> = {};
    if (body.title !== undefined && body.title !== current.title) changes.title = body.title;
    if (body.assigneeUserId !== undefined && body.assigneeUserId !== current.assignee_user_id) changes.assignee_user_id = body.assigneeUserId;
    if (body.dueAt !== undefined && body.dueAt !== current.due_at) changes.due_at = body.dueAt;
    if (body.status !== undefined && body.status !== current.status) {
      changes.status = body.status;
      changes.completed_at = body.status === 'done' ? at : null;
      changes.completed_by = body.status === 'done' ? actor.userId : null;
    }
    if (Object.keys(changes).length === 0) return current;
    await updateTaskRow(tx, current.id, changes);
    const action = changes.status === 'done' ? 'case.task_completed' : changes.status === 'open' ? 'case.task_reopened' : 'case.task_updated';
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action,
      subjectType: 'case_task',
      subjectId: current.id,
      caseId,
      details: { title: changes.title ?? current.title, fields: Object.keys(changes).filter((k) => k !== 'completed_at' && k !== 'completed_by') },
    });
    return { ...current, ...changes };
  });
  return toTaskView(task, await findUserNames(deps.db, task.assignee_user_id ? [task.assignee_user_id] : []));
}

export async function listComments(deps: CaseDeps, actor: Actor, caseId: string): Promise<CommentView[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const comments = await listCommentsOfCase(deps.db, row.id);
  const names = await findUserNames(deps.db, comments.map((c) => c.author_user_id));
  return comments.map((c) => ({ id: c.id, author: { id: c.author_user_id, name: names.get(c.author_user_id) ?? '' }, body: c.body, createdAt: c.created_at }));
}

export async function addComment(deps: CaseDeps, actor: Actor, caseId: string, input: unknown): Promise<CommentView> {
  const body = parseInput(createCommentBody, input, 'The comment is invalid.');
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'comment');
    const comment = { id: newId(), case_id: row.id, org_id: actor.orgId, author_user_id: actor.userId, body: body.body, created_at: deps.clock.now().toISOString() };
    await insertComment(tx, comment);
    // The timeline says that someone commented; the text itself may hold personal data and stays in the comment.
    await recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.commented', subjectType: 'case_comment', subjectId: comment.id, caseId });
    return { id: comment.id, author: { id: actor.userId, name: actor.displayName }, body: comment.body, createdAt: comment.created_at };
  });
}

type FileDeps = Pick<AppContext, 'db' | 'clock' | 'config'>;

export async function listCaseFiles(deps: CaseDeps, actor: Actor, caseId: string): Promise<FileView[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  return (await listFilesOfCase(deps.db, actor.orgId, row.id)).map(toFileView);
}

export async function attachCaseFile(deps: FileDeps, actor: Actor, caseId: string, file: { name: string; contentType: string; source: Readable }): Promise<FileView> {
  // Checked before the upload is read, so that nobody can fill memory or disk through a case they may not touch.
  await loadCaseFor(deps.db, actor, caseId, 'attach_files');
  // Read whole before the transaction opens: a slow upload must not hold the database (SQLite has one writer).
  const data = await readUpTo(file.source, deps.config.MAX_UPLOAD_BYTES);
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'attach_files');
    const stored = await storeFile(tx, deps, { orgId: actor.orgId, caseId: row.id, reportId: null, name: file.name, contentType: file.contentType, uploadedBy: actor.userId, source: Readable.from([data]) });
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'case.file_attached',
      subjectType: 'file',
      subjectId: stored.id,
      caseId,
      details: { name: stored.name, sizeBytes: Number(stored.size_bytes), sha256: stored.sha256 },
    });
    return toFileView(stored);
  });
}

async function readUpTo(source: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      source.destroy();
      throw new AppError('payload_too_large', `The file is larger than ${Math.floor(limit / 1024 / 1024)} MB.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Opens an attachment for download; every download is on the case's timeline. */
export async function downloadCaseFile(deps: FileDeps, actor: Actor, caseId: string, fileId: string): Promise<{ file: FileView; stream: Readable }> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const opened = await openFile(deps.db, deps, actor.orgId, fileId);
  if (opened.file.case_id !== row.id) {
    opened.stream.destroy();
    throw notFound('file');
  }
  await deps.db.transaction().execute((tx) =>
    recordAuditEvent(tx, deps.clock, { orgId: actor.orgId, actor, action: 'case.file_downloaded', subjectType: 'file', subjectId: fileId, caseId, details: { name: opened.file.name } }),
  );
  return { file: toFileView(opened.file), stream: opened.stream };
}

export async function listTimeline(deps: CaseDeps, actor: Actor, caseId: string): Promise<TimelineView['events']> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const events = await listTimelineOfCase(deps.db, actor.orgId, row.id);
  const names = await findUserNames(deps.db, events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])));
  return events.map((e) => ({
    seq: Number(e.seq),
    at: e.created_at,
    action: e.action,
    actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? e.actor_label) : e.actor_label,
    details: safeDetails(e.details),
  }));
}

function safeDetails(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function listNotifications(deps: CaseDeps, actor: Actor, caseId: string): Promise<NotificationView[]> {
  const row = await loadCaseFor(deps.db, actor, caseId, 'read');
  const notifications = await listNotificationsOfCase(deps.db, row.id);
  const names = await findUserNames(deps.db, notifications.flatMap((n) => (n.recorded_by ? [n.recorded_by] : [])));
  return notifications.map((n) => ({
    id: n.id,
    obligation: n.obligation,
    kind: n.kind,
    sentAt: n.sent_at,
    externalReference: n.external_reference,
    delayReason: n.delay_reason,
    partyId: n.party_id,
    recordedBy: n.recorded_by ? { id: n.recorded_by, name: names.get(n.recorded_by) ?? '' } : null,
  }));
}

/**
 * Records a notification sent to an authority. An initial notification after its deadline needs the reason
 * for the delay (GDPR art. 33(1)); the clocks then stop for the party it names, or for all parties.
 */
export async function recordNotification(deps: CaseDeps, actor: Actor, caseId: string, input: unknown): Promise<NotificationView> {
  const body = parseInput(createNotificationBody, input, 'The notification is invalid.');
  if (Date.parse(body.sentAt) > deps.clock.now().getTime() + 5 * 60_000) {
    throw new AppError('validation_failed', 'The notification is invalid.', { issues: [{ field: 'sentAt', message: 'must not be in the future' }] });
  }
  const view = await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, caseId, 'manage');
    const parties = await listPartiesOfCase(tx, row.id);
    const partyId = body.partyId ?? null;
    if (partyId !== null && !parties.some((p) => p.id === partyId)) {
      throw new AppError('validation_failed', 'The notification is invalid.', { issues: [{ field: 'partyId', message: 'no such party on this case' }] });
    }
    if (body.kind === 'initial' && !body.delayReason) {
      const facts = await loadClockFacts(tx, row);
      const checkParties = partyId !== null ? [partyId] : parties.length > 0 ? parties.map((p) => p.id) : [null];
      const late = checkParties.some((p) => {
        const obligation = obligationsOfParty(facts, p, deps.clock.now()).find((o) => o.id === (body.obligation as ObligationId));
        return obligation !== undefined && obligation.notifiedAt === null && requiresDelayReason(obligation, body.sentAt);
      });
      if (late) {
        throw new AppError('validation_failed', 'This notification was made after the deadline: give the reason for the delay.', {
          issues: [{ field: 'delayReason', message: 'required for a notification after the deadline' }],
        });
      }
    }
    const notification = {
      id: newId(),
      case_id: row.id,
      org_id: actor.orgId,
      party_id: partyId,
      obligation: body.obligation,
      kind: body.kind,
      sent_at: body.sentAt,
      external_reference: body.externalReference || null,
      delay_reason: body.delayReason || null,
      recorded_by: actor.userId,
      created_at: deps.clock.now().toISOString(),
    };
    await insertNotification(tx, notification);
    await recordAuditEvent(tx, deps.clock, {
      orgId: actor.orgId,
      actor,
      action: 'case.notification_recorded',
      subjectType: 'case_notification',
      subjectId: notification.id,
      caseId,
      details: { obligation: body.obligation, kind: body.kind, sentAt: body.sentAt, partyId, late: notification.delay_reason !== null },
    });
    await replanReminders(tx, deps, row);
    return notification;
  });
  return {
    id: view.id,
    obligation: view.obligation,
    kind: view.kind,
    sentAt: view.sent_at,
    externalReference: view.external_reference,
    delayReason: view.delay_reason,
    partyId: view.party_id,
    recordedBy: { id: actor.userId, name: actor.displayName },
  };
}

/** Accounts that can own a case or hold a task, for pickers; any member of staff may see them. */
export async function listAssignableUsers(deps: CaseDeps, actor: Actor): Promise<Array<{ id: string; name: string }>> {
  if (caseReadScope(actor) === 'none' || !mayOnCases(actor, 'read')) throw notFound('resource');
  return listAssignableUsersOfOrg(deps.db, actor.orgId);
}
