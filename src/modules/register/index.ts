export { registerRegisterRoutes } from './register.routes.ts';
export { listRegister, exportRegisterCsv, exportRegisterPdf, getDashboard, type RegisterDeps } from './register.service.ts';
export { neutraliseFormula } from './register-csv.ts';
export type { RegisterEntry, RegisterQuery, Dashboard, DeadlineAtRisk } from './register.schemas.ts';
