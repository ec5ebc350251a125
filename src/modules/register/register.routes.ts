import type { AppContext } from '../../app-context.ts';
import { requireActor } from '../../http/actor.ts';
import type { App } from '../../http/server.ts';
import { dashboardResponse, registerQuery, registerResponse } from './register.schemas.ts';
import { exportRegisterCsv, exportRegisterPdf, getDashboard, listRegister } from './register.service.ts';

export function registerRegisterRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/register',
    { schema: { tags: ['register'], summary: 'The art. 33(5) register: every case, notified or not', querystring: registerQuery, response: { 200: registerResponse } } },
    async (request) => ({ entries: await listRegister(ctx, requireActor(request), request.query) }),
  );

  app.get(
    '/api/register.csv',
    { schema: { tags: ['register'], summary: 'The register as CSV (RFC 4180, UTF-8 with BOM); the export is audited', querystring: registerQuery } },
    async (request, reply) => {
      const file = await exportRegisterCsv(ctx, requireActor(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/register.pdf',
    { schema: { tags: ['register'], summary: 'The register as a printable A4 landscape PDF; the export is audited', querystring: registerQuery } },
    async (request, reply) => {
      const file = await exportRegisterPdf(ctx, requireActor(request), request.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/dashboard',
    { schema: { tags: ['register'], summary: 'Open cases, deadlines at risk and notification figures', response: { 200: dashboardResponse } } },
    async (request) => getDashboard(ctx, requireActor(request)),
  );
}
