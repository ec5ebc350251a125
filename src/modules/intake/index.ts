import type { AppContext } from '../../app-context.ts';
import type { App } from '../../http/server.ts';
import { registerPublicReportRoutes } from './public.routes.ts';
import { registerReportRoutes } from './reports.routes.ts';

export { submitReport, createReport, listReports, getReport, publicReportPageOf, createProcessorReportLink, type IntakeDeps, type ReportOrigin } from './reports.service.ts';
export { triageReport } from './triage.service.ts';
export { reportConfirmationJob } from './report-confirmation.job.ts';
export { sealStoredReports, type SealReport } from './seal-stored-reports.service.ts';
export { escapeHtml, renderPublicPage } from './public-layout.ts';
export type { ReportSummaryView, ReportDetailView, CreatedReport, TriageResult } from './reports.schemas.ts';

export function registerIntakeRoutes(app: App, ctx: AppContext): void {
  registerPublicReportRoutes(app, ctx);
  registerReportRoutes(app, ctx);
}
