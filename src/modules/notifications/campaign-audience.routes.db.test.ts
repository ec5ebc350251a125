import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { storeAffectedPeople, type AffectedPersonInput } from '../affected-people/index.ts';
import { insertTestCase, passingTemplates } from './notifications.fixtures.ts';

function person(key: string, set: AffectedPersonInput['set'], contact: Partial<AffectedPersonInput['contact']>, vulnerable: string[] = []): AffectedPersonInput {
  return {
    personKey: key,
    set,
    language: 'en',
    brands: [],
    categories: ['name', 'email'],
    specialCategories: [],
    vulnerable,
    records: 1,
    contact: { email: null, mobile: null, address: null, name: `Person ${key}`, ...contact },
  };
}

// The people's contact details are encrypted with keys kept under DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-audience-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describeOnDatabases('campaign audience route', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let reporter: SignedIn;
  let caseId = '';
  let campaignId = '';

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir } });
    const orgId = (await buildOrganisation(db)).id;
    officer = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'privacy_officer' })).email);
    reporter = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'staff_reporter' })).email);
    caseId = (await insertTestCase(db, orgId)).caseId;
    await storeAffectedPeople(db, t.ctx, { orgId, caseId, sourceId: 'list' }, [
      person('K-MAIL', 'confirmed', { email: 'a@example.test', address: 'Street 1' }),
      person('K-OLD', 'confirmed', { email: 'b@example.test', address: 'Street 2' }, ['aged_80_plus']),
      person('K-NONE', 'confirmed', {}),
      person('K-OTHER-SET', 'could_have_been_queried', { email: 'c@example.test' }),
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/campaigns`,
      headers: officer.headers,
      payload: { brand: 'Brand', name: 'Everyone', channelOrder: ['email', 'letter'], elderlyRoute: 'letter', templates: passingTemplates, contact: '0800-1234', organisation: 'Org' },
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = (created.json() as { id: string }).id;
  });

  afterAll(async () => {
    await t.app.close();
  });

  it('lists the people of the audience by their dataset key with the channel that reaches them first', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/campaigns/${campaignId}/audience`, headers: officer.headers });
    expect(response.statusCode, response.body).toBe(200);
    const people = (response.json() as { people: Array<{ id: string; personKey: string; channel: string }> }).people;
    const byKey = Object.fromEntries(people.map((p) => [p.personKey, p.channel]));
    expect(byKey).toEqual({ 'K-MAIL': 'email', 'K-OLD': 'letter', 'K-NONE': 'phone' });
    // Nothing decrypted leaves: no names or addresses in the answer.
    expect(response.body).not.toContain('Person ');
    expect(response.body).not.toContain('@example.test');
  });

  it('takes a limit and names a bad one', async () => {
    const one = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/campaigns/${campaignId}/audience?limit=1`, headers: officer.headers });
    expect((one.json() as { people: unknown[] }).people).toHaveLength(1);
    const bad = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/campaigns/${campaignId}/audience?limit=0`, headers: officer.headers });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field)).toEqual(['limit']);
  });

  it('is not there for staff who only report, nor for a campaign of another case', async () => {
    const staff = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/campaigns/${campaignId}/audience`, headers: reporter.headers });
    expect(staff.statusCode).toBe(404);
    const otherCase = await t.app.inject({ method: 'GET', url: `/api/cases/not-this-case/campaigns/${campaignId}/audience`, headers: officer.headers });
    expect(otherCase.statusCode).toBe(404);
  });
});
