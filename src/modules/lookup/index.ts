import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { registerIncidentPageRoutes } from './incident-page.routes.ts';
import { registerPublicLookupRoutes } from './public-lookup.routes.ts';

export { lookupRequestJob, lookupReplyPeriodMs } from './lookup-request.job.ts';
export { defaultLookupLimits, type LookupLimits } from './public-lookup.service.ts';
export type { IncidentPageBody, IncidentPageView, IncidentTexts } from './incident-page.schemas.ts';

export function registerLookupRoutes(app: App, ctx: AppContext): void {
  registerIncidentPageRoutes(app, ctx);
  registerPublicLookupRoutes(app, ctx);
}
