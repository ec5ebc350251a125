import type { Role } from './api-types.ts';

/** What the interface offers each role; the server decides again on every request. */
export const permissions = {
  listUsers: (role: Role) => role === 'admin' || role === 'privacy_officer' || role === 'auditor',
  manageUsers: (role: Role) => role === 'admin',
  editOrganisation: (role: Role) => role === 'admin',
  readMailbox: (role: Role) => role === 'admin',
  manageTokens: (role: Role) => role === 'admin',
  createReportLinks: (role: Role) => role === 'admin' || role === 'privacy_officer',
  /** Recording the risk decision, overriding it with a justification, drafting and submitting to the authority. */
  decideRisk: (role: Role) => role === 'admin' || role === 'privacy_officer',
  /** Writing, approving and sending messages to the people affected. */
  runCampaigns: (role: Role) => role === 'admin' || role === 'privacy_officer',
  /** Everyone who works on cases reads the inbox; a processor only reports. */
  triageReports: (role: Role) => role !== 'processor',
};
