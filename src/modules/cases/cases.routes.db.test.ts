import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';

function multipart(name: string, contentType: string, content: string, field = 'file'): { headers: Record<string, string>; payload: string } {
  const boundary = 'casesboundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  };
}

describeOnDatabases('case routes', (getDb) => {
  let t: TestApp;
  let officer: SignedIn;
  let analyst: SignedIn;
  let outsider: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    const { db } = getDb();
    t = await buildTestApp(getDb(), { env: { MAX_UPLOAD_BYTES: '2048' } });
    const org = await buildOrganisation(db, { sector: 'telecom', name: 'Routes Telecom' });
    const other = await buildOrganisation(db);
    const officerUser = await buildUser(db, { org_id: org.id, role: 'privacy_officer', display_name: 'Olga Officer' });
    const analystUser = await buildUser(db, { org_id: org.id, role: 'security_analyst', display_name: 'Ahmed Analyst' });
    await buildUser(db, { org_id: org.id, role: 'processor', display_name: 'Processor Account' });
    await buildUser(db, { org_id: org.id, role: 'auditor', display_name: 'Disabled Auditor', disabled_at: new Date().toISOString() });
    const outsiderUser = await buildUser(db, { org_id: other.id, role: 'admin' });
    officer = await signIn(t.app, officerUser.email);
    analyst = await signIn(t.app, analystUser.email);
    outsider = await signIn(t.app, outsiderUser.email);
    const created = await t.app.inject({ method: 'POST', url: '/api/cases', headers: officer.headers, payload: { title: 'Contact system hacked', awareAt: new Date(Date.now() - 3_600_000).toISOString() } });
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });

  afterAll(async () => {
    await t.app.close();
  });

  it('shows the case with the 24-hour telecom clock and lists it with its next deadline', async () => {
    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: analyst.headers });
    expect(detail.statusCode).toBe(200);
    const body = detail.json() as { deadlines: Array<{ obligation: string; remainingMs: number }>; owner: { name: string }; counts: { tasks: number } };
    expect(body.owner.name).toBe('Olga Officer');
    expect(body.counts.tasks).toBe(6);
    const telecom = body.deadlines.find((d) => d.obligation === 'telecom_initial')!;
    expect(telecom.remainingMs).toBeGreaterThan(22 * 3_600_000);
    expect(telecom.remainingMs).toBeLessThanOrEqual(23 * 3_600_000);
    const list = await t.app.inject({ method: 'GET', url: '/api/cases?state=triage', headers: officer.headers });
    expect((list.json() as { cases: Array<{ id: string; nextDeadline: { obligation: string } }> }).cases).toEqual([
      expect.objectContaining({ id: caseId, ownerName: 'Olga Officer', nextDeadline: expect.objectContaining({ obligation: 'telecom_initial' }) }),
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/cases?state=closed', headers: officer.headers })).json()).toEqual({ cases: [] });
  });

  it('answers an invalid transition with 409 naming the allowed states, and a bad fact with the field', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/transition`, headers: officer.headers, payload: { to: 'decided' } });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_transition', message: expect.stringContaining('allowed: investigating, closed') } });
    const facts = await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/facts`, headers: analyst.headers, payload: { facts: { data: { subjects: { min: 'many', max: 3 } } } } });
    expect(facts.statusCode).toBe(400);
    expect((facts.json() as { error: { issues: Array<{ field: string }> } }).error.issues.map((i) => i.field)).toEqual(['facts.data.subjects.min']);
    const onTime = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/notifications`,
      headers: officer.headers,
      payload: { obligation: 'telecom_initial', kind: 'initial', sentAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(onTime.statusCode, onTime.body).toBe(201);
  });

  it('stores an attachment encrypted, hands it back intact and audits the download', async () => {
    const upload = multipart('logs.txt', 'text/plain', 'attacker IP 203.0.113.7');
    const stored = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/files`, headers: { ...analyst.headers, ...upload.headers }, payload: upload.payload });
    expect(stored.statusCode, stored.body).toBe(201);
    const file = stored.json() as { id: string; sha256: string; sizeBytes: number };
    expect(file.sizeBytes).toBe(23);

    const download = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/files/${file.id}`, headers: officer.headers });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('attacker IP 203.0.113.7');
    expect(download.headers['content-disposition']).toContain('attachment; filename="logs.txt"');
    const timeline = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/timeline`, headers: officer.headers });
    const events = (timeline.json() as { events: Array<{ action: string; actorName: string }> }).events;
    expect(events.slice(-2).map((e) => [e.action, e.actorName])).toEqual([
      ['case.file_attached', 'Ahmed Analyst'],
      ['case.file_downloaded', 'Olga Officer'],
    ]);

    const tooBig = multipart('big.txt', 'text/plain', 'x'.repeat(3000));
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/files`, headers: { ...officer.headers, ...tooBig.headers }, payload: tooBig.payload })).statusCode).toBe(413);
    const html = multipart('page.html', 'text/html', '<script>alert(1)</script>');
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/files`, headers: { ...officer.headers, ...html.headers }, payload: html.payload })).statusCode).toBe(400);
    const files = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/files`, headers: officer.headers });
    expect((files.json() as { files: unknown[] }).files).toHaveLength(1);
  });

  it('offers the enabled staff of the organisation as assignees', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/users/assignable', headers: analyst.headers });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { users: Array<{ name: string }> }).users.map((u) => u.name)).toEqual(['Ahmed Analyst', 'Olga Officer']);
  });

  it('answers 404 for another organisation’s case on every case route', async () => {
    const upload = multipart('probe.txt', 'text/plain', 'probe');
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/cases/${caseId}`],
      ['PATCH', `/api/cases/${caseId}`, { title: 'mine now' }],
      ['PUT', `/api/cases/${caseId}/facts`, { facts: {} }],
      ['POST', `/api/cases/${caseId}/transition`, { to: 'investigating' }],
      ['GET', `/api/cases/${caseId}/tasks`],
      ['POST', `/api/cases/${caseId}/comments`, { body: 'hello' }],
      ['GET', `/api/cases/${caseId}/timeline`],
      ['GET', `/api/cases/${caseId}/notifications`],
      ['GET', `/api/cases/${caseId}/files`],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await t.app.inject({ method: method as 'GET', url, headers: outsider.headers, ...(payload ? { payload: payload as object } : {}) });
      expect(`${method} ${url} ${response.statusCode}`).toBe(`${method} ${url} 404`);
    }
    const post = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/files`, headers: { ...outsider.headers, ...upload.headers }, payload: upload.payload });
    expect(post.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/cases', headers: outsider.headers })).json()).toEqual({ cases: [] });
  });
});
