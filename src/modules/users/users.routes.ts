import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { mayActOnUsers } from './users.policy.ts';
import { createUserBody, createUserResponse, listUsersResponse, updateUserBody, userIdParams, userResponse } from './users.schemas.ts';
import { createUser, listUsers, updateUser } from './users.service.ts';

export function registerUsersRoutes(app: App, ctx: AppContext): void {
  app.get('/api/users', { schema: { tags: ['users'], summary: "The organisation's accounts", response: { 200: listUsersResponse } } }, async (request) => {
    const actor = requireActor(request);
    if (!mayActOnUsers(actor, 'list')) throw notFound();
    return { users: await listUsers(ctx.db, actor.orgId) };
  });

  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create an account (admin)', body: createUserBody, response: { 201: createUserResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!mayActOnUsers(actor, 'create')) throw notFound();
      const result = await createUser(ctx, actor, { ...request.body, orgId: actor.orgId });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'Change role, name or access of an account (admin)', params: userIdParams, body: updateUserBody, response: { 200: userResponse } } },
    async (request) => {
      const actor = requireActor(request);
      if (!mayActOnUsers(actor, 'update')) throw notFound('user');
      return { user: await updateUser(ctx, actor, request.params.id, request.body) };
    },
  );
}
