import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { notFound } from '../../shared/app-error.ts';
import { canReadAuditLog } from './audit.policy.ts';
import { listAuditQuery, listAuditResponse } from './audit.schemas.ts';
import { listAuditEvents } from './audit.service.ts';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: "The organisation's audit log, newest first", querystring: listAuditQuery, response: { 200: listAuditResponse } } },
    async (request) => {
      const actor = requireActor(request);
      if (!canReadAuditLog(actor)) throw notFound();
      const events = await listAuditEvents(ctx.db, actor.orgId, { limit: request.query.limit, ...(request.query.before ? { beforeSeq: request.query.before } : {}) });
      return { events };
    },
  );
}
