import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes, createHash } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { loadConfig } from '../../config/config.ts';
import { systemClock } from '../../shared/time.ts';
import { openFile, storeFile, fileStorageFor } from './files.service.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-files-'));
const config = loadConfig({ DATA_DIR: dataDir, MAX_UPLOAD_BYTES: String(64 * 1024) });
const deps = { config, clock: systemClock };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function seedOrg(getDb: () => { db: import('../../db/database.ts').Db }, id: string) {
  await getDb().db.insertInto('organisations').values({ id, kind: 'controller', name: id, sector: 'other', nis2: 'none', time_zone: 'Europe/Amsterdam', default_locale: 'nl', created_at: new Date().toISOString() }).execute();
}

describeOnDatabases('encrypted files', (getDb) => {
  it('stores a file encrypted with its SHA-256 and reads it back intact', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await seedOrg(getDb, orgId);
    const content = Buffer.concat([Buffer.from('Klantnummer;IBAN\n12345;NL91ABNA0417164300\n'), randomBytes(40_000)]);
    const row = await storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: '../../etc/evil.csv', contentType: 'text/csv', uploadedBy: null, source: Readable.from([content.subarray(0, 1000), content.subarray(1000)]) });
    expect(row.name).toBe('evil.csv');
    expect(row.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(row.size_bytes).toBe(content.length);

    const onDisk = fs.readFileSync(fileStorageFor(config).locate(row.storage_key));
    expect(onDisk.includes(Buffer.from('NL91ABNA0417164300'))).toBe(false);

    const { stream } = await openFile(getDb().db, deps, orgId, row.id);
    expect((await readAll(stream)).equals(content)).toBe(true);
  });

  it('stores and reads an empty file', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await seedOrg(getDb, orgId);
    const row = await storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: 'empty.txt', contentType: 'text/plain', uploadedBy: null, source: Readable.from([]) });
    const { stream } = await openFile(getDb().db, deps, orgId, row.id);
    expect((await readAll(stream)).length).toBe(0);
  });

  it('refuses a tampered file instead of returning altered content', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await seedOrg(getDb, orgId);
    const row = await storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: 'a.txt', contentType: 'text/plain', uploadedBy: null, source: Readable.from([Buffer.from('the original statement')]) });
    const file = fileStorageFor(config).locate(row.storage_key);
    const bytes = fs.readFileSync(file);
    bytes[20] = bytes[20]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const { stream } = await openFile(getDb().db, deps, orgId, row.id);
    await expect(readAll(stream)).rejects.toThrow();
  });

  it('rejects an oversized or disallowed file and leaves nothing behind', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await seedOrg(getDb, orgId);
    await expect(storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: 'big.bin', contentType: 'application/pdf', uploadedBy: null, source: Readable.from([randomBytes(70 * 1024)]) })).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: 'x.html', contentType: 'text/html', uploadedBy: null, source: Readable.from([Buffer.from('<script>')]) })).rejects.toMatchObject({ code: 'validation_failed' });
    const files = await getDb().db.selectFrom('files').select('id').where('org_id', '=', orgId).execute();
    expect(files).toEqual([]);
    const orgDir = path.join(dataDir, 'files', orgId);
    expect(fs.existsSync(orgDir) ? fs.readdirSync(orgDir) : []).toEqual([]);
  });

  it('answers another organisation with not found', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await seedOrg(getDb, orgId);
    const row = await storeFile(getDb().db, deps, { orgId, caseId: null, reportId: null, name: 'a.txt', contentType: 'text/plain', uploadedBy: null, source: Readable.from([Buffer.from('x')]) });
    await expect(openFile(getDb().db, deps, 'other-org', row.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
