export { listCases, getCase, createCase, listCasesOfOrganisation, listEveryCase, type CaseDeps } from './cases.service.ts';
export { createCaseFromReport, getCaseForAttach, refreshCaseReminders, type CaseFromReportInput } from './create-case-from-report.ts';
export { caseStates, caseLifecycleStates, type CaseState, type CaseLifecycleState, type CreateCaseInput, type CaseSummaryView, type CaseDetailView } from './cases.schemas.ts';
export { allowedTransitions, checkTransition } from './case-lifecycle.ts';
export { deadlineReminderJob } from './deadline-reminder.job.ts';
export { registerCaseRoutes } from './cases.routes.ts';
export { showCaseForOperator, type CaseReport } from './case-operator.service.ts';
