import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { registerIncidentPageRoutes } from './incident-page.routes.ts';
import type { LookupRequestQueue } from './lookup-request-queue.ts';
import { registerPublicLookupRoutes } from './public-lookup.routes.ts';

export { lookupRequestJob, lookupReplyPeriodMs } from './lookup-request.job.ts';
export { defaultLookupLimits, type LookupLimits } from './public-lookup.service.ts';
export type { LookupRequestQueue } from './lookup-request-queue.ts';
export type { IncidentPageBody, IncidentPageView, IncidentTexts } from './incident-page.schemas.ts';

const queues = new WeakMap<App, LookupRequestQueue>();

export function registerLookupRoutes(app: App, ctx: AppContext): void {
  registerIncidentPageRoutes(app, ctx);
  queues.set(app, registerPublicLookupRoutes(app, ctx).queue);
}

/** The queue of accepted lookups of a server, for those (tests, benches) that must see them written now. */
export function lookupQueueOf(app: App): LookupRequestQueue | undefined {
  return queues.get(app);
}
