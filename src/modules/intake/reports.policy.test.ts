import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../http/actor.ts';
import { canReport, canTriage, readableReports } from './reports.policy.ts';

function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return { userId: `u-${role}`, orgId: 'org', role, processorOrgId: null, locale: 'en', displayName: role, sessionId: 's', apiTokenId: null, ...overrides };
}

describe('report policy', () => {
  it('lets triagers and auditors read all, reporters only their own', () => {
    expect(readableReports(actor('privacy_officer'))).toEqual({});
    expect(readableReports(actor('auditor'))).toEqual({});
    expect(readableReports(actor('staff_reporter'))).toEqual({ reporterUserId: 'u-staff_reporter' });
    expect(readableReports(actor('processor', { processorOrgId: 'p1' }))).toEqual({ processorOrgId: 'p1' });
  });

  it('gives a processor account without its organisation nothing', () => {
    expect(readableReports(actor('processor'))).toBeNull();
  });

  it('keeps tokens and auditors away from triage, and tokens away from reading', () => {
    expect(canTriage(actor('security_analyst'))).toBe(true);
    expect(canTriage(actor('auditor'))).toBe(false);
    expect(canTriage(actor('admin', { apiTokenId: 't' }))).toBe(false);
    expect(readableReports(actor('admin', { apiTokenId: 't' }))).toBeNull();
    expect(canReport(actor('auditor'))).toBe(false);
  });
});
