import multipart from '@fastify/multipart';
import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { AppError } from '../../shared/app-error.ts';
import {
  addComment,
  attachCaseFile,
  createTask,
  downloadCaseFile,
  listAssignableUsers,
  listCaseFiles,
  listComments,
  listNotifications,
  listTasks,
  listTimeline,
  recordNotification,
  updateTask,
} from './case-work.service.ts';
import {
  addPartyBody,
  assignableUsersResponse,
  caseDetailResponse,
  caseFileParams,
  caseParams,
  casePartyParams,
  caseTaskParams,
  commentSchema,
  createCaseBody,
  createCommentBody,
  createNotificationBody,
  createTaskBody,
  factsBody,
  fileViewSchema,
  listCasesQuery,
  listCasesResponse,
  listCommentsResponse,
  listFilesResponse,
  listNotificationsResponse,
  listTasksResponse,
  notificationSchema,
  partySchema,
  taskSchema,
  timelineResponse,
  transitionBody,
  updateCaseBody,
  updateTaskBody,
} from './cases.schemas.ts';
import { addParty, getCase, listCases, openCaseAsActor, removeParty, setCaseFacts, transitionCase, updateCase } from './cases.service.ts';

const tags = ['cases'];

export function registerCaseRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/cases',
    { schema: { tags, summary: "The organisation's cases, newest first, with each one's next deadline", querystring: listCasesQuery, response: { 200: listCasesResponse } } },
    async (request) => ({ cases: await listCases(ctx, requireActor(request), { state: request.query.state }) }),
  );
  app.post(
    '/api/cases',
    { schema: { tags, summary: 'Open a case (admin, privacy officer)', body: createCaseBody, response: { 201: caseDetailResponse } } },
    async (request, reply) => reply.status(201).send(await openCaseAsActor(ctx, requireActor(request), request.body)),
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'One case with its facts, parties and deadlines', params: caseParams, response: { 200: caseDetailResponse } } },
    async (request) => getCase(ctx, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/cases/:id',
    { schema: { tags, summary: 'Change the title, owner, moments or the register texts of a case', params: caseParams, body: updateCaseBody, response: { 200: caseDetailResponse } } },
    async (request) => updateCase(ctx, requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/api/cases/:id/facts',
    { schema: { tags, summary: 'Replace the case facts (case-facts format, may be incomplete)', params: caseParams, body: factsBody, response: { 200: caseDetailResponse } } },
    async (request) => setCaseFacts(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/transition',
    { schema: { tags, summary: 'Move a case to another state of its lifecycle', params: caseParams, body: transitionBody, response: { 200: caseDetailResponse } } },
    async (request) => transitionCase(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/parties',
    { schema: { tags, summary: 'Add the organisation or one of its brands as a controller', params: caseParams, body: addPartyBody, response: { 201: partySchema } } },
    async (request, reply) => reply.status(201).send(await addParty(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/cases/:id/parties/:partyId',
    { schema: { tags, summary: 'Remove a controller from a case', params: casePartyParams } },
    async (request, reply) => {
      await removeParty(ctx, requireActor(request), request.params.id, request.params.partyId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/cases/:id/tasks',
    { schema: { tags, summary: 'The tasks of a case', params: caseParams, response: { 200: listTasksResponse } } },
    async (request) => ({ tasks: await listTasks(ctx, requireActor(request), request.params.id) }),
  );
  app.post(
    '/api/cases/:id/tasks',
    { schema: { tags, summary: 'Add a task', params: caseParams, body: createTaskBody, response: { 201: taskSchema } } },
    async (request, reply) => reply.status(201).send(await createTask(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/cases/:id/tasks/:taskId',
    { schema: { tags, summary: 'Complete, reopen, rename, assign or reschedule a task', params: caseTaskParams, body: updateTaskBody, response: { 200: taskSchema } } },
    async (request) => updateTask(ctx, requireActor(request), request.params.id, request.params.taskId, request.body),
  );

  app.get(
    '/api/cases/:id/comments',
    { schema: { tags, summary: 'The comments on a case, oldest first', params: caseParams, response: { 200: listCommentsResponse } } },
    async (request) => ({ comments: await listComments(ctx, requireActor(request), request.params.id) }),
  );
  app.post(
    '/api/cases/:id/comments',
    { schema: { tags, summary: 'Comment on a case', params: caseParams, body: createCommentBody, response: { 201: commentSchema } } },
    async (request, reply) => reply.status(201).send(await addComment(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/cases/:id/files',
    { schema: { tags, summary: 'The attachments of a case', params: caseParams, response: { 200: listFilesResponse } } },
    async (request) => ({ files: await listCaseFiles(ctx, requireActor(request), request.params.id) }),
  );
  app.get(
    '/api/cases/:id/files/:fileId',
    { schema: { tags, summary: 'Download an attachment (the download is audited)', params: caseFileParams } },
    async (request, reply) => {
      const { file, stream } = await downloadCaseFile(ctx, requireActor(request), request.params.id, request.params.fileId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${asciiFileName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('x-file-sha256', file.sha256)
        .send(stream);
    },
  );
  void app.register(async (scope) => {
    // One byte over the limit lets the case service see that the file is too large and refuse it.
    await scope.register(multipart, { limits: { fileSize: ctx.config.MAX_UPLOAD_BYTES + 1, files: 1, fields: 10 } });
    scope.post<{ Params: { id: string } }>(
      '/api/cases/:id/files',
      { bodyLimit: ctx.config.MAX_UPLOAD_BYTES + 1024 * 1024, schema: { tags, summary: 'Attach a file (multipart, field "file")', params: caseParams, response: { 201: fileViewSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in the field "file".');
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          throw new AppError('validation_failed', 'Send the file in the field "file".', { issues: [{ field: 'file', message: 'required' }] });
        }
        const stored = await attachCaseFile(ctx, actor, request.params.id, { name: part.filename, contentType: part.mimetype.toLowerCase(), source: part.file });
        return reply.status(201).send(stored);
      },
    );
  });

  app.get(
    '/api/cases/:id/timeline',
    { schema: { tags, summary: 'Everything that happened on a case, oldest first', params: caseParams, response: { 200: timelineResponse } } },
    async (request) => ({ events: await listTimeline(ctx, requireActor(request), request.params.id) }),
  );
  app.get(
    '/api/cases/:id/notifications',
    { schema: { tags, summary: 'Notifications sent to authorities for a case', params: caseParams, response: { 200: listNotificationsResponse } } },
    async (request) => ({ notifications: await listNotifications(ctx, requireActor(request), request.params.id) }),
  );
  app.post(
    '/api/cases/:id/notifications',
    { schema: { tags, summary: 'Record a notification to an authority; a late initial one needs a reason for the delay', params: caseParams, body: createNotificationBody, response: { 201: notificationSchema } } },
    async (request, reply) => reply.status(201).send(await recordNotification(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/users/assignable',
    { schema: { tags, summary: 'Accounts that can own a case or hold a task', response: { 200: assignableUsersResponse } } },
    async (request) => ({ users: await listAssignableUsers(ctx, requireActor(request)) }),
  );
}

function asciiFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
