import type { AppContext } from '../app-context.ts';
import { registerAuditRoutes } from '../modules/audit/index.ts';
import { registerAuthRoutes } from '../modules/auth/index.ts';
import { registerUsersRoutes } from '../modules/users/index.ts';
import { registerCaseRoutes } from '../modules/cases/index.ts';
import { registerOrganisationRoutes } from '../modules/organisations/index.ts';
import { registerMailboxRoutes } from '../modules/mailbox/index.ts';
import { registerIntakeRoutes } from '../modules/intake/index.ts';
import { registerApiTokenRoutes } from '../modules/api-tokens/index.ts';
import { registerRegisterRoutes } from '../modules/register/index.ts';
import { registerRiskRoutes } from '../modules/risk/index.ts';
import { registerAnalysesRoutes } from '../modules/impact/index.ts';
import { registerMessagesCheckRoutes } from '../modules/messages-check/index.ts';
import { registerRegulatorRoutes } from '../modules/regulator/index.ts';
import { registerCampaignAudienceRoutes, registerCampaignRoutes } from '../modules/notifications/index.ts';
import { registerLookupRoutes } from '../modules/lookup/index.ts';
import { registerHealthRoutes } from './health.routes.ts';
import type { App } from './server.ts';

/** Every module's routes, mounted in one place so that the route table can be walked by tests. */
export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  registerHealthRoutes(app, ctx);
  registerMailboxRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerUsersRoutes(app, ctx);
  registerOrganisationRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
  registerRegisterRoutes(app, ctx);
  registerRiskRoutes(app, ctx);
  registerAnalysesRoutes(app, ctx);
  registerMessagesCheckRoutes(app, ctx);
  registerRegulatorRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerCampaignAudienceRoutes(app, ctx);
  registerLookupRoutes(app, ctx);
}
