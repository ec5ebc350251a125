import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { listMailboxQuery, listMailboxResponse, mailboxMessage, mailboxMessageParams } from './mailbox.schemas.ts';
import { getMailboxMessage, listMailbox } from './mailbox.service.ts';

export function registerMailboxRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/mailbox',
    { schema: { tags: ['mailbox'], summary: 'Mail kept by the built-in mail driver for this organisation, newest first (admins)', querystring: listMailboxQuery, response: { 200: listMailboxResponse } } },
    async (request) => listMailbox(ctx, requireActor(request), { limit: request.query.limit }),
  );

  app.get(
    '/api/mailbox/:id',
    { schema: { tags: ['mailbox'], summary: 'One message from the built-in mailbox (admins)', params: mailboxMessageParams, response: { 200: mailboxMessage } } },
    async (request) => getMailboxMessage(ctx, requireActor(request), request.params.id),
  );
}
