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
import { getOrCreateDataKey } from '../keys/index.ts';
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

    const dry = await purgeExpiredCases(deps, { dryRun: true });
    const mine = (r: { cases: Array<{ caseId: string }> }) => r.cases.map((c) => c.caseId).filter((id) => [old.id, recent.id, open.id, strictCase.id].includes(id)).sort();
    expect(mine(dry)).toEqual([old.id, strictCase.id].sort());
    expect(dry.cases.find((c) => c.caseId === old.id)!.counts).toEqual({ files: 1, reporterContacts: 1, dataKeys: 1 });
    // The dry run kept everything.
    expect(await db.selectFrom('files').select('id').where('case_id', '=', old.id).execute()).toHaveLength(1);
    expect(fs.existsSync(path.join(config.DATA_DIR, 'files', old.file.storage_key))).toBe(true);

    const report = await purgeExpiredCases(deps);
    expect(mine(report)).toEqual([old.id, strictCase.id].sort());

    expect(await db.selectFrom('files').select('id').where('case_id', '=', old.id).execute()).toEqual([]);
    expect(fs.existsSync(path.join(config.DATA_DIR, 'files', old.file.storage_key))).toBe(false);
    expect(await db.selectFrom('data_keys').select('id').where('case_id', '=', old.id).execute()).toEqual([]);
    const report0 = await db.selectFrom('reports').selectAll().where('case_id', '=', old.id).executeTakeFirstOrThrow();
    expect(report0).toMatchObject({ reporter_name: null, reporter_email: null, reporter_phone: null, persons_min: 3, persons_max: 5, description: 'Brief van een ander' });
    const caseRow = await db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({ reference: old.reference, closed_at: '2025-05-01T00:00:00.000Z', facts: '{"data":{"subjects":1200}}' });

    // Untouched: the recent and the open case, and the organisation's own key.
    for (const kept of [recent, open]) {
      expect(await db.selectFrom('files').select('id').where('case_id', '=', kept.id).execute()).toHaveLength(1);
      expect((await db.selectFrom('reports').select('reporter_email').where('case_id', '=', kept.id).executeTakeFirstOrThrow()).reporter_email).toBe('jan@example.nl');
    }
    expect(await db.selectFrom('data_keys').select('id').where('org_id', '=', org.id).where('case_id', 'is', null).execute()).toHaveLength(1);

    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'case.personal_data_purged').where('subject_id', '=', old.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ retentionDays: 365, counts: { files: 1, reporterContacts: 1, dataKeys: 1 } });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // A purged case is not purged again.
    expect(mine(await purgeExpiredCases(deps))).toEqual([]);
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
