import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { pendingMigrations, pingDatabase } from '../db/database.ts';
import type { App } from './server.ts';

export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await pingDatabase(ctx.db);
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
      const pending = await pendingMigrations(ctx.db);
      if (pending.length > 0) return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations pending: ${pending.join(', ')}` });
      return { status: 'ready' as const };
    },
  );
}
