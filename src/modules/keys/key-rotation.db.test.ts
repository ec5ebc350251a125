import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { createTestClock } from '../../../test/factories.ts';
import { loadConfig, type Config } from '../../config/config.ts';
import { newId } from '../../shared/ids.ts';
import { decryptValue, encryptValue, getOrCreateDataKey, loadDataKey } from './data-keys.service.ts';
import { keyId, wrapDataKey } from './envelope.ts';
import { forgetLoadedKeys } from './key-ring.ts';
import { rotateKeyEncryptionKey } from './key-rotation.service.ts';

describeOnDatabases('key-encryption key rotation', (getDb) => {
  const clock = createTestClock();
  const dirs: string[] = [];
  // A rotation covers the whole table, so each test starts from no data keys at all.
  afterEach(async () => {
    await getDb().db.deleteFrom('data_keys').execute();
    forgetLoadedKeys();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function configWith(env: Record<string, string> = {}): Config {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-keys-'));
    dirs.push(dir);
    return loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  }

  /** Five case keys of a new organisation, each with one encrypted value. */
  async function seed(config: Config) {
    const orgId = newId();
    const values: Array<{ dataKeyId: string; sealed: string; plain: string }> = [];
    for (let i = 0; i < 5; i += 1) {
      const key = await getOrCreateDataKey(getDb().db, { config, clock }, orgId, newId());
      const plain = `NL${i}1BANK0123456789`;
      values.push({ dataKeyId: key.id, sealed: encryptValue(key.key, plain), plain });
    }
    return { orgId, values };
  }

  const kekIdsOf = async (orgId: string) => (await getDb().db.selectFrom('data_keys').select('kek_id').where('org_id', '=', orgId).execute()).map((r) => r.kek_id);

  it('re-wraps every data key with a new key file in batches, keeps the old key, and everything stays readable', async () => {
    const config = configWith();
    const { orgId, values } = await seed(config);
    const oldKey = fs.readFileSync(path.join(config.DATA_DIR, 'keys', 'kek.key'), 'utf8');
    const newKey = randomBytes(32).toString('base64');

    const report = await rotateKeyEncryptionKey(getDb().db, config, { newKeyBase64: newKey }, { batchSize: 2 });
    const newId_ = keyId(Buffer.from(newKey, 'base64'));
    expect(report.targetKekId).toBe(newId_);
    expect(report.rewrapped).toBeGreaterThanOrEqual(5);
    expect(await kekIdsOf(orgId)).toEqual(Array(5).fill(newId_));
    expect(fs.readFileSync(path.join(config.DATA_DIR, 'keys', 'kek.key'), 'utf8')).toBe(newKey);
    expect(fs.readFileSync(report.previousKeyFile!, 'utf8')).toBe(oldKey);
    expect((fs.statSync(report.previousKeyFile!).mode & 0o777).toString(8)).toBe('600');

    // A fresh process reads the new key file; the data keys themselves did not change.
    forgetLoadedKeys();
    for (const v of values) expect(decryptValue((await loadDataKey(getDb().db, { config }, v.dataKeyId)).key, v.sealed)).toBe(v.plain);
  });

  it('reads a row a still-running process wrapped with the old key, and a second run re-wraps it', async () => {
    const config = configWith();
    await seed(config);
    const oldKey = Buffer.from(fs.readFileSync(path.join(config.DATA_DIR, 'keys', 'kek.key'), 'utf8'), 'base64');
    await rotateKeyEncryptionKey(getDb().db, config, { newKeyBase64: randomBytes(32).toString('base64') });
    const lateId = newId();
    const lateKey = randomBytes(32);
    await getDb().db.insertInto('data_keys').values({ id: lateId, org_id: newId(), case_id: newId(), wrapped_key: wrapDataKey(oldKey, lateKey, lateId), kek_id: keyId(oldKey), created_at: clock.now().toISOString() }).execute();
    forgetLoadedKeys();
    expect((await loadDataKey(getDb().db, { config }, lateId)).key.equals(lateKey)).toBe(true);

    const finish = await rotateKeyEncryptionKey(getDb().db, config, {});
    expect(finish.rewrapped).toBe(1);
    expect(finish.previousKeyFile).toBeNull();
    expect(finish.byKek.find((k) => k.kekId === keyId(oldKey))).toBeUndefined();
  });

  it('with ENCRYPTION_KEY, re-wraps to ENCRYPTION_KEY_NEW; the new key then needs the old one only in ENCRYPTION_KEYS_PREVIOUS for rows not yet moved', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const before = configWith({ ENCRYPTION_KEY: oldKey });
    const { values } = await seed(before);
    const report = await rotateKeyEncryptionKey(getDb().db, before, { newKeyBase64: newKey });
    expect(report.previousKeyFile).toBeNull();

    forgetLoadedKeys();
    const after = configWith({ ENCRYPTION_KEY: newKey });
    for (const v of values) expect(decryptValue((await loadDataKey(getDb().db, { config: after }, v.dataKeyId)).key, v.sealed)).toBe(v.plain);
    // The old key alone no longer opens anything, and says which key is missing.
    forgetLoadedKeys();
    await expect(loadDataKey(getDb().db, { config: configWith({ ENCRYPTION_KEY: oldKey }) }, values[0]!.dataKeyId)).rejects.toThrow(/ENCRYPTION_KEYS_PREVIOUS/);
    forgetLoadedKeys();
    const ring = configWith({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEYS_PREVIOUS: newKey });
    expect(decryptValue((await loadDataKey(getDb().db, { config: ring }, values[0]!.dataKeyId)).key, values[0]!.sealed)).toBe(values[0]!.plain);
  });
});
