import { z } from 'zod';
import { caseLifecycleStates, type CaseLifecycleState } from './case-lifecycle.ts';

export { caseLifecycleStates, type CaseLifecycleState };

/**
 * Names from before the lifecycle was settled, still accepted when a case is created by code (demo files,
 * scripts): each maps to the lifecycle state that means the same.
 */
export const legacyCaseStateNames = { draft: 'reported', open: 'investigating', assessing: 'investigating' } as const satisfies Record<string, CaseLifecycleState>;
export type LegacyCaseStateName = keyof typeof legacyCaseStateNames;
/** @deprecated Use CaseLifecycleState; the older names are accepted on creation only. */
export type CaseState = CaseLifecycleState | LegacyCaseStateName;
export const caseStates = caseLifecycleStates;

const utcInstant = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC time ending in Z' }).transform((v) => new Date(v).toISOString());
const nullableInstant = utcInstant.nullable();
const id = z.string().min(1).max(64);

export const caseParams = z.object({ id });
export const casePartyParams = z.object({ id, partyId: id });
export const caseTaskParams = z.object({ id, taskId: id });
export const caseFileParams = z.object({ id, fileId: id });
export const listCasesQuery = z.object({ state: z.enum(caseLifecycleStates).optional() });

const severity = z.enum(['ok', 'warning', 'critical']);
const userRef = z.object({ id: z.string(), name: z.string() });

export const nextDeadlineSchema = z.object({ obligation: z.string(), dueAt: z.string(), severity, overdue: z.boolean() });

export const caseSummaryResponse = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: z.string(),
  ownerName: z.string().nullable(),
  awareAt: z.string().nullable(),
  createdAt: z.string(),
  riskOutcome: z.string().nullable(),
  nextDeadline: nextDeadlineSchema.nullable(),
});

export const listCasesResponse = z.object({ cases: z.array(caseSummaryResponse) });

export const deadlineSchema = z.object({
  partyId: z.string().nullable(),
  obligation: z.string(),
  label: z.object({ nl: z.string(), en: z.string() }),
  recipient: z.string(),
  dueAt: z.string().nullable(),
  status: z.string(),
  notifiedAt: z.string().nullable(),
  delayReasonRequired: z.boolean(),
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
  severity,
});

export const partySchema = z.object({ id: z.string(), brandId: z.string().nullable(), name: z.string(), role: z.string() });

export const caseDetailResponse = caseSummaryResponse.extend({
  summary: z.string(),
  allowedTransitions: z.array(z.string()),
  owner: userRef.nullable(),
  detectedAt: z.string().nullable(),
  occurredAt: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  factSources: z.record(z.string(), z.unknown()),
  effects: z.string(),
  remedialAction: z.string(),
  decisionReason: z.string(),
  notABreach: z.boolean(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  updatedAt: z.string(),
  parties: z.array(partySchema),
  deadlines: z.array(deadlineSchema),
  reports: z.array(z.object({ id: z.string(), reference: z.string(), source: z.string() })),
  counts: z.object({ openTasks: z.number(), tasks: z.number(), comments: z.number(), files: z.number() }),
});

/** A case opened by code (the command line, demo data): no signed-in actor, the state may be given. */
export const createCaseInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  summary: z.string().trim().max(20_000).default(''),
  state: z
    .enum([...caseLifecycleStates, ...(Object.keys(legacyCaseStateNames) as LegacyCaseStateName[])])
    .default('triage')
    .transform((state): CaseLifecycleState => (state in legacyCaseStateNames ? legacyCaseStateNames[state as LegacyCaseStateName] : (state as CaseLifecycleState))),
  awareAt: nullableInstant.default(null),
  detectedAt: nullableInstant.default(null),
  occurredAt: nullableInstant.default(null),
  /** An account of the organisation that owns the case and receives its deadline reminders. */
  ownerUserId: id.nullable().default(null),
});
export type CreateCaseInput = z.input<typeof createCaseInput>;

export const createCaseBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(300),
    summary: z.string().trim().max(20_000).default(''),
    awareAt: nullableInstant.optional(),
    detectedAt: nullableInstant.optional(),
    occurredAt: nullableInstant.optional(),
    brandIds: z.array(id).max(50).default([]),
  })
  .strict();
export type CreateCaseBody = z.input<typeof createCaseBody>;

export const updateCaseBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
    summary: z.string().trim().max(20_000).optional(),
    ownerUserId: id.nullable().optional(),
    awareAt: nullableInstant.optional(),
    detectedAt: nullableInstant.optional(),
    occurredAt: nullableInstant.optional(),
    effects: z.string().trim().max(20_000).optional(),
    remedialAction: z.string().trim().max(20_000).optional(),
    decisionReason: z.string().trim().max(20_000).optional(),
  })
  .strict();
export type UpdateCaseBody = z.input<typeof updateCaseBody>;

export const factsBody = z.object({ facts: z.record(z.string(), z.unknown()) }).strict();

export const transitionBody = z.object({ to: z.string().min(1).max(40), reason: z.string().trim().max(4000).optional() }).strict();

export const addPartyBody = z.object({ brandId: id.nullable(), role: z.enum(['controller', 'joint_controller']) }).strict();

export const taskSchema = z.object({
  id: z.string(),
  templateKey: z.string().nullable(),
  title: z.string(),
  assignee: userRef.nullable(),
  dueAt: z.string().nullable(),
  status: z.enum(['open', 'done']),
  completedAt: z.string().nullable(),
});
export const listTasksResponse = z.object({ tasks: z.array(taskSchema) });
export const createTaskBody = z
  .object({ title: z.string().trim().min(1, 'must not be empty').max(300), assigneeUserId: id.nullable().optional(), dueAt: nullableInstant.optional() })
  .strict();
export const updateTaskBody = z
  .object({
    status: z.enum(['open', 'done']).optional(),
    title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
    assigneeUserId: id.nullable().optional(),
    dueAt: nullableInstant.optional(),
  })
  .strict();

export const commentSchema = z.object({ id: z.string(), author: userRef, body: z.string(), createdAt: z.string() });
export const listCommentsResponse = z.object({ comments: z.array(commentSchema) });
export const createCommentBody = z.object({ body: z.string().trim().min(1, 'must not be empty').max(20_000) }).strict();

export const fileViewSchema = z.object({ id: z.string(), name: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), createdAt: z.string() });
export const listFilesResponse = z.object({ files: z.array(fileViewSchema) });

export const timelineResponse = z.object({
  events: z.array(z.object({ seq: z.number(), at: z.string(), action: z.string(), actorName: z.string(), details: z.record(z.string(), z.unknown()) })),
});

export const notificationKinds = ['initial', 'follow_up', 'complete', 'withdrawal'] as const;
export const notificationSchema = z.object({
  id: z.string(),
  obligation: z.string(),
  kind: z.enum(notificationKinds),
  sentAt: z.string(),
  externalReference: z.string().nullable(),
  delayReason: z.string().nullable(),
  partyId: z.string().nullable(),
  recordedBy: userRef.nullable(),
});
export const listNotificationsResponse = z.object({ notifications: z.array(notificationSchema) });
export const createNotificationBody = z
  .object({
    obligation: z.enum([
      'gdpr_authority',
      'telecom_initial',
      'telecom_complete',
      'nis2_early_warning',
      'nis2_notification',
      'nis2_final_report',
      'processor_to_controller',
    ]),
    kind: z.enum(notificationKinds),
    sentAt: utcInstant,
    externalReference: z.string().trim().max(200).optional(),
    delayReason: z.string().trim().max(4000).optional(),
    partyId: id.nullable().optional(),
  })
  .strict();

export const assignableUsersResponse = z.object({ users: z.array(userRef) });

export type CaseSummaryView = z.infer<typeof caseSummaryResponse>;
export type CaseDetailView = z.infer<typeof caseDetailResponse>;
export type DeadlineView = z.infer<typeof deadlineSchema>;
export type TaskView = z.infer<typeof taskSchema>;
export type CommentView = z.infer<typeof commentSchema>;
export type NotificationView = z.infer<typeof notificationSchema>;
export type TimelineView = z.infer<typeof timelineResponse>;
