import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, createTestClock } from '../../../test/factories.ts';
import { loadConfig, type Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { newId } from '../../shared/ids.ts';
import { createLogger } from '../../shared/logger.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { storeFile } from '../files/index.ts';
import { storeAffectedPeople } from '../affected-people/index.ts';
import { getOrCreateDataKey } from '../keys/index.ts';
import { listRegister } from '../register/index.ts';
import type { Actor } from '../../http/actor.ts';
import { purgeExpiredDataJob } from './purge.job.ts';
import { purgeExpiredCases, setRetentionDays, type PurgeDeps } from './purge.service.ts';

describeOnDatabases('retention and purge', (getDb) => {
  const clock = createTestClock('2026-06-01T12:00:00.000Z');
  let config: Config;
  let deps: PurgeDeps;
  beforeAll(() => {
    config = loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bd-purge-')), LOG_LEVEL: 'silent' });
    deps = { db: getDb().db, clock, config, logger: createLogger('silent') };
  });
  afterAll(() => fs.rmSync(config.DATA_DIR, { recursive: true, force: true }));

  async function closedCase(db: DbOrTx, orgId: string, closedAt: string | null) {
    const id = newId();
    const reference = `BD-${id.slice(-6)}`;
    await db
      .insertInto('cases')
      .values({ id, org_id: orgId, reference, title: 'Lost laptop', summary: '', state: closedAt ? 'closed' : 'investigating', owner_user_id: null, aware_at: '2025-01-01T00:00:00.000Z', created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z', closed_at: closedAt, facts: '{"data":{"subjects":1200}}' })
      .execute();
    await db
      .insertInto('reports')
      .values({
        id: newId(), org_id: orgId, reference: `R-${id.slice(-8)}`, source: 'public', status: 'converted', case_id: id, reporter_role: 'customer', reporter_org_name: null,
        reporter_name: 'Jan Jansen', reporter_email: 'jan@example.nl', reporter_phone: '+31612345678', reporter_user_id: null, processor_org_id: null, api_token_id: null,
        locale: 'nl', description: 'Brief van een ander', occurred_at: null, discovered_at: null, ongoing: 'no', systems: '', data_categories: '[]', persons_min: 3, persons_max: 5,
        data_encrypted: 'unknown', processor_aware_at: null, processor_reported_at: null, triage_reason: null, triaged_by: null, triaged_at: null, created_at: '2025-01-01T00:00:00.000Z',
      })
      .execute();
    const file = await storeFile(db, { config, clock }, { orgId, caseId: id, reportId: null, name: 'export.csv', contentType: 'text/csv', uploadedBy: null, source: Readable.from([Buffer.from('iban\nNL91ABNA0417164300\n')]) });
    return { id, reference, file };
  }

  /** Two affected people found by an analysis of the case's dataset, a campaign with an outbox row each, and a lookup throttle entry. */
  async function withAffectedPeople(db: DbOrTx, orgId: string, target: { id: string; file: { id: string } }) {
    const analysisId = newId();
    await db
      .insertInto('analyses')
      .values({ id: analysisId, org_id: orgId, case_id: target.id, file_id: target.file.id, file_name: 'export.csv', format: 'csv', status: 'completed', phase: null, result: '{"totals":{"persons":2}}', error: null, rerun_of: null, created_by: null, created_at: '2025-01-02T00:00:00.000Z', started_at: null, finished_at: null, applied_at: null })
      .execute();
    const person = (key: string, email: string) => ({ personKey: key, set: 'confirmed' as const, language: 'nl' as const, brands: ['Belmij'], categories: ['email', 'iban'], specialCategories: [], vulnerable: [], records: 1, contact: { email, mobile: '+31612345678', address: null, name: 'Jan Jansen' } });
    await storeAffectedPeople(db, { config, clock }, { orgId, caseId: target.id, sourceId: analysisId }, [person('P1', 'jan@example.nl'), person('P2', 'piet@example.nl')]);
    const people = await db.selectFrom('affected_people').select('id').where('case_id', '=', target.id).execute();
    const campaignId = newId();
    const now = '2025-02-01T00:00:00.000Z';
    await db
      .withTables<{ campaigns: { id: string; org_id: string; case_id: string; brand: string; name: string; state: string; audience_sets: string; channel_order: string; elderly_route: string; templates: string; contact: string; organisation: string; url: string; created_by: string; approved_by: string | null; approved_at: string | null; started_at: string | null; finished_at: string | null; created_at: string; updated_at: string } }>()
      .insertInto('campaigns')
      .values({ id: campaignId, org_id: orgId, case_id: target.id, brand: 'Belmij', name: 'Inform', state: 'completed', audience_sets: '["confirmed"]', channel_order: '["email"]', elderly_route: 'same', templates: '{}', contact: 'privacy@belmij.example', organisation: 'Belmij', url: 'https://belmij.example', created_by: 'u', approved_by: null, approved_at: null, started_at: now, finished_at: now, created_at: now, updated_at: now })
      .execute();
    for (const p of people) {
      await db
        .withTables<{ outbox: { id: string; campaign_id: string; affected_person_id: string; channel: string; state: string; message_id: string; attempts: number; claims: number; locked_by: string | null; locked_until: string | null; next_attempt_at: string; last_response: string | null; sent_at: string | null; created_at: string; updated_at: string } }>()
        .insertInto('outbox')
        .values({ id: newId(), campaign_id: campaignId, affected_person_id: p.id, channel: 'email', state: 'accepted', message_id: `<${p.id}@belmij.example>`, attempts: 1, claims: 1, locked_by: null, locked_until: null, next_attempt_at: now, last_response: '250 accepted for jan@example.nl', sent_at: now, created_at: now, updated_at: now })
        .execute();
    }
    await db.insertInto('lookup_throttle').values({ case_id: target.id, identifier_hmac: 'a'.repeat(64), last_sent_at: now }).execute();
    return { campaignId };
  }

  async function personalRowsOf(db: DbOrTx, caseId: string, campaignId: string) {
    return {
      people: (await db.selectFrom('affected_people').select('id').where('case_id', '=', caseId).execute()).length,
      index: (await db.selectFrom('lookup_index').select('identifier_hmac').where('case_id', '=', caseId).execute()).length,
      throttle: (await db.selectFrom('lookup_throttle').select('identifier_hmac').where('case_id', '=', caseId).execute()).length,
      outbox: (await db.withTables<{ outbox: { id: string; campaign_id: string } }>().selectFrom('outbox').select('id').where('campaign_id', '=', campaignId).execute()).length,
      analyses: (await db.selectFrom('analyses').select('id').where('case_id', '=', caseId).execute()).length,
    };
  }

  it('purges only cases closed longer ago than the organisation’s period, keeping what the register needs, and audits it', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    const strict = await buildOrganisation(db);
    await setRetentionDays({ db }, strict.id, 30);
    const old = await closedCase(db, org.id, '2025-05-01T00:00:00.000Z'); // 396 days: past the default 365
    const recent = await closedCase(db, org.id, '2025-12-01T00:00:00.000Z');
    const open = await closedCase(db, org.id, null);
    const strictCase = await closedCase(db, strict.id, '2026-04-15T00:00:00.000Z'); // 47 days: past 30
    await getOrCreateDataKey(db, { config, clock }, org.id, null);
    const oldPeople = await withAffectedPeople(db, org.id, old);
    const recentPeople = await withAffectedPeople(db, org.id, recent);
    expect(await personalRowsOf(db, old.id, oldPeople.campaignId)).toEqual({ people: 2, index: 4, throttle: 1, outbox: 2, analyses: 1 });
    const officer: Actor = { userId: 'register-reader', orgId: org.id, role: 'privacy_officer', processorOrgId: null, locale: 'en', displayName: 'Officer', sessionId: null };
    const registerBefore = await listRegister({ db, clock }, officer, {});

    const dry = await purgeExpiredCases(deps, { dryRun: true });
    const mine = (r: { cases: Array<{ caseId: string }> }) => r.cases.map((c) => c.caseId).filter((id) => [old.id, recent.id, open.id, strictCase.id].includes(id)).sort();
    expect(mine(dry)).toEqual([old.id, strictCase.id].sort());
    const expectedCounts = { analyses: 1, files: 1, reporterContacts: 1, outbox: 2, affectedPeople: 2, dataKeys: 1 };
    expect(dry.cases.find((c) => c.caseId === old.id)!.counts).toEqual(expectedCounts);
    // The dry run kept everything.
    expect(await db.selectFrom('files').select('id').where('case_id', '=', old.id).execute()).toHaveLength(1);
    expect(fs.existsSync(path.join(config.DATA_DIR, 'files', old.file.storage_key))).toBe(true);
    expect(await personalRowsOf(db, old.id, oldPeople.campaignId)).toEqual({ people: 2, index: 4, throttle: 1, outbox: 2, analyses: 1 });

    const report = await purgeExpiredCases(deps);
    expect(mine(report)).toEqual([old.id, strictCase.id].sort());

    expect(await db.selectFrom('files').select('id').where('case_id', '=', old.id).execute()).toEqual([]);
    expect(fs.existsSync(path.join(config.DATA_DIR, 'files', old.file.storage_key))).toBe(false);
    expect(await db.selectFrom('data_keys').select('id').where('case_id', '=', old.id).execute()).toEqual([]);
    const report0 = await db.selectFrom('reports').selectAll().where('case_id', '=', old.id).executeTakeFirstOrThrow();
    expect(report0).toMatchObject({ reporter_name: null, reporter_email: null, reporter_phone: null, persons_min: 3, persons_max: 5, description: 'Brief van een ander' });
    const caseRow = await db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({ reference: old.reference, closed_at: '2025-05-01T00:00:00.000Z', facts: '{"data":{"subjects":1200}}' });

    // No affected person, index entry, throttle entry, outbox row or analysis of the case is left; the campaign stays.
    expect(await personalRowsOf(db, old.id, oldPeople.campaignId)).toEqual({ people: 0, index: 0, throttle: 0, outbox: 0, analyses: 0 });
    expect(await db.withTables<{ campaigns: { id: string } }>().selectFrom('campaigns').select('id').where('id', '=', oldPeople.campaignId).execute()).toHaveLength(1);
    expect(await listRegister({ db, clock }, officer, {})).toEqual(registerBefore);

    // Untouched: the recent and the open case, and the organisation's own key.
    expect(await personalRowsOf(db, recent.id, recentPeople.campaignId)).toEqual({ people: 2, index: 4, throttle: 1, outbox: 2, analyses: 1 });
    for (const kept of [recent, open]) {
      expect(await db.selectFrom('files').select('id').where('case_id', '=', kept.id).execute()).toHaveLength(1);
      expect((await db.selectFrom('reports').select('reporter_email').where('case_id', '=', kept.id).executeTakeFirstOrThrow()).reporter_email).toBe('jan@example.nl');
    }
    expect(await db.selectFrom('data_keys').select('id').where('org_id', '=', org.id).where('case_id', 'is', null).execute()).toHaveLength(1);

    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'case.personal_data_purged').where('subject_id', '=', old.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ retentionDays: 365, counts: expectedCounts });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // A second purge is a no-op: nothing purged, nothing audited, the register the same.
    expect(mine(await purgeExpiredCases(deps))).toEqual([]);
    expect(await db.selectFrom('audit_events').select('id').where('action', '=', 'case.personal_data_purged').where('subject_id', '=', old.id).execute()).toHaveLength(1);
    expect(await listRegister({ db, clock }, officer, {})).toEqual(registerBefore);
  });

  it('runs as a daily job that queues its next run', async () => {
    const db = getDb().db;
    const org = await buildOrganisation(db);
    await setRetentionDays({ db }, org.id, 0);
    const due = await closedCase(db, org.id, '2026-05-31T00:00:00.000Z');
    const jobId = newId();
    await purgeExpiredDataJob.handle({}, { ...deps, database: getDb(), mailer: undefined as never, job: { id: jobId, name: purgeExpiredDataJob.name, attempt: 1, maxAttempts: 3 } });
    expect(await db.selectFrom('files').select('id').where('case_id', '=', due.id).execute()).toEqual([]);
    const next = await db.selectFrom('jobs').select(['run_at', 'status']).where('name', '=', 'purge-expired-data').execute();
    expect(next).toEqual([{ run_at: '2026-06-02T03:00:00.000Z', status: 'queued' }]);
  });

  it('refuses a retention period out of range', async () => {
    const org = await buildOrganisation(getDb().db);
    await expect(setRetentionDays({ db: getDb().db }, org.id, -1)).rejects.toThrow(/whole number of days/);
    await expect(setRetentionDays({ db: getDb().db }, org.id, 1.5)).rejects.toThrow(/whole number of days/);
  });
});
