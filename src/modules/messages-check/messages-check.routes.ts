import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { checkArt34Message } from './art34-checker.ts';
import { mayCheckMessages } from './messages-check.policy.ts';
import { checkMessageBody, messageCheckResponse } from './messages-check.schemas.ts';

export function registerMessagesCheckRoutes(app: App, _ctx: AppContext): void {
  app.post(
    '/api/messages/check',
    {
      schema: {
        tags: ['messages'],
        summary: 'Check a message to the people affected against GDPR art. 34(2): item by item, with reasons in Dutch and English',
        body: checkMessageBody,
        response: { 200: messageCheckResponse },
      },
    },
    async (request) => {
      if (!mayCheckMessages(requireActor(request))) throw notFound('resource');
      return checkArt34Message(request.body);
    },
  );
}
