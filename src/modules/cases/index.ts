export { listCases, getCase, createCase, listCasesOfOrganisation, type CaseDeps } from './cases.service.ts';
export { caseStates, type CaseState, type CreateCaseInput, type CaseSummaryView, type CaseDetailView } from './cases.schemas.ts';
export { registerCaseRoutes } from './cases.routes.ts';
