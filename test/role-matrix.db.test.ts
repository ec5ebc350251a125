import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles, type Role } from '../src/http/actor.ts';
import { describeOnDatabases } from './db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from './factories.ts';

/**
 * Every role against every kind of action, through the real routes. The table is the product's rule of who
 * may do what, written down here independently of the policy modules: a policy that drifts fails this test.
 * A refused action answers 404 (the record does not exist for that role) or 403; an allowed one anything else.
 */
interface Action {
  name: string;
  allowed: readonly Role[];
  request: (caseId: string) => { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown };
}

const officers: readonly Role[] = ['admin', 'privacy_officer'];
const caseReaders: readonly Role[] = ['admin', 'privacy_officer', 'security_analyst', 'auditor'];
const caseWorkers: readonly Role[] = ['admin', 'privacy_officer', 'security_analyst'];

const telecomFacts = JSON.parse(readFileSync(new URL('../docs/examples/telecom-hack.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const emptyTexts = { whatHappened: '', whatData: '', whatWeDid: '', whatToDo: '', phishing: '', contact: '' };

const actions: Action[] = [
  { name: 'read a case', allowed: caseReaders, request: (id) => ({ method: 'GET', url: `/api/cases/${id}` }) },
  { name: 'read its timeline', allowed: caseReaders, request: (id) => ({ method: 'GET', url: `/api/cases/${id}/timeline` }) },
  { name: 'open a case', allowed: officers, request: () => ({ method: 'POST', url: '/api/cases', payload: { title: 'Matrix case' } }) },
  { name: 'edit the facts', allowed: caseWorkers, request: (id) => ({ method: 'PUT', url: `/api/cases/${id}/facts`, payload: { facts: telecomFacts } }) },
  { name: 'comment', allowed: caseWorkers, request: (id) => ({ method: 'POST', url: `/api/cases/${id}/comments`, payload: { body: 'Seen.' } }) },
  { name: 'read the risk decision', allowed: caseReaders, request: (id) => ({ method: 'GET', url: `/api/cases/${id}/assessment` }) },
  { name: 'decide the risk', allowed: officers, request: (id) => ({ method: 'POST', url: `/api/cases/${id}/assessment`, payload: {} }) },
  { name: 'list the campaigns', allowed: officers, request: (id) => ({ method: 'GET', url: `/api/cases/${id}/campaigns` }) },
  {
    name: 'edit the public incident page',
    allowed: officers,
    request: (id) => ({ method: 'PUT', url: `/api/cases/${id}/incident-page`, payload: { slug: 'matrix-incident', texts: { nl: emptyTexts, en: emptyTexts }, notAffectedReply: 'nothing', allowCustomerLookup: false } }),
  },
  { name: 'read the register', allowed: caseReaders, request: () => ({ method: 'GET', url: '/api/register' }) },
  { name: 'list the accounts', allowed: ['admin', 'privacy_officer', 'auditor'], request: () => ({ method: 'GET', url: '/api/users' }) },
  {
    name: 'create an account',
    allowed: ['admin'],
    request: () => ({ method: 'POST', url: '/api/users', payload: { email: `new-${Math.random().toString(36).slice(2)}@matrix.test`, displayName: 'New', role: 'auditor' } }),
  },
  { name: 'read the audit log', allowed: ['admin', 'auditor'], request: () => ({ method: 'GET', url: '/api/audit' }) },
  { name: 'manage API tokens', allowed: ['admin'], request: () => ({ method: 'GET', url: '/api/tokens' }) },
];

function refused(status: number): boolean {
  return status === 403 || status === 404;
}

describeOnDatabases('role matrix', (getDb) => {
  let t: TestApp;
  let caseId: string;
  const sessions = new Map<Role, SignedIn>();

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb());
    const org = await buildOrganisation(db, { sector: 'telecom' });
    const processorOrg = await buildOrganisation(db, { kind: 'processor' });
    for (const role of roles) {
      const user = await buildUser(db, { org_id: org.id, role, ...(role === 'processor' ? { processor_org_id: processorOrg.id } : {}) });
      sessions.set(role, await signIn(t.app, user.email, user.password ?? undefined));
    }
    const officer = sessions.get('privacy_officer')!;
    const created = await t.app.inject({ method: 'POST', url: '/api/cases', headers: officer.headers, payload: { title: 'Customer-contact system breach', awareAt: '2026-03-02T08:00:00.000Z' } });
    expect(created.statusCode).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const facts = await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/facts`, headers: officer.headers, payload: { facts: telecomFacts } });
    expect(facts.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => t?.app.close());

  const cells = actions.flatMap((action) => roles.map((role) => ({ action, role, allowed: action.allowed.includes(role) })));

  it.each(cells)('$role: $action.name → allowed $allowed', async ({ action, role, allowed }) => {
    const session = sessions.get(role)!;
    const { method, url, payload } = action.request(caseId);
    const response = await t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (allowed) {
      expect(refused(response.statusCode), `${method} ${url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`).toBe(false);
      expect(response.statusCode).toBeLessThan(500);
    } else {
      expect(response.statusCode, `${method} ${url} answered ${response.statusCode}`).toSatisfy(refused);
    }
  });
});
