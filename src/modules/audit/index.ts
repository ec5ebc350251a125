export { recordAuditEvent, listAuditEvents, verifyAuditChain, type AuditInput } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
