import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';

describeOnDatabases('message check route', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let reporter: SignedIn;

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb());
    const orgId = (await buildOrganisation(db)).id;
    officer = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'privacy_officer' })).email);
    reporter = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'staff_reporter' })).email);
  });

  afterAll(async () => {
    await t.app.close();
  });

  it('answers verdicts item by item and names a bad locale', async () => {
    const payload = { subject: 'Update', body: 'Er is iets gebeurd. Groet, {{name}}.', locale: 'nl' };
    const response = await t.app.inject({ method: 'POST', url: '/api/messages/check', headers: officer.headers, payload });
    expect(response.statusCode).toBe(200);
    const result = response.json() as { passed: boolean; items: Array<{ item: string; passed: boolean }> };
    expect(result.passed).toBe(false);
    expect(result.items.filter((i) => !i.passed).map((i) => i.item)).toEqual(expect.arrayContaining(['exposed_data', 'contact', 'advice']));

    const bad = await t.app.inject({ method: 'POST', url: '/api/messages/check', headers: officer.headers, payload: { ...payload, locale: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field)).toEqual(['locale']);
  });

  it('is not there for a member of staff who only reports', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/messages/check', headers: reporter.headers, payload: { subject: '', body: 'x', locale: 'en' } });
    expect(response.statusCode).toBe(404);
  });
});
