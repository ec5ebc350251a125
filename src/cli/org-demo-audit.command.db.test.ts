import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest } from '../../test/db-harness.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/breachdesk.mjs');

for (const dialect of dialectsUnderTest()) {
  describe(`org, demo and audit commands [${dialect}]`, () => {
    let dataDir: string;
    let env: Record<string, string>;
    let database: DatabaseHandle;
    let dropPostgres: (() => Promise<void>) | undefined;
    // Each command starts a fresh Node process that compiles the sources; a busy machine needs the headroom.
    const slow = 120_000;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-'));
      if (dialect === 'postgres') {
        const pg = await createTestDatabase('postgres', { migrate: false });
        env = { DATA_DIR: dataDir, DATABASE_URL: pg.location };
        database = pg;
        dropPostgres = pg.drop;
      } else {
        // The zero-configuration path: the embedded database under DATA_DIR, created by the first command.
        env = { DATA_DIR: dataDir, DATABASE_URL: '' };
        database = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'breachdesk.sqlite') });
      }
    });

    afterAll(async () => {
      if (dropPostgres) await dropPostgres();
      else await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', MAIL_URL: '', ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    }

    async function count(table: 'organisations' | 'users' | 'cases' | 'processor_links' | 'brands'): Promise<number> {
      const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    }

    it('org create rejects bad input with exit code 2, naming the option and the allowed values', async () => {
      const [sector, nis2, zone, brands, missing] = await Promise.all([
        run('org', 'create', '--name', 'Bad B.V.', '--sector', 'mining'),
        run('org', 'create', '--name', 'Bad B.V.', '--sector', 'energy', '--nis2', 'maybe'),
        run('org', 'create', '--name', 'Bad B.V.', '--sector', 'energy', '--time-zone', 'Mars/Olympus'),
        run('org', 'create', '--name', 'Bad B.V.', '--sector', 'energy', '--brand', 'Noord', '--brand', 'NOORD'),
        run('org', 'create', '--sector', 'energy'),
      ]);
      expect(sector.code).toBe(2);
      expect(sector.stderr).toContain("option '--sector <sector>' argument 'mining' is invalid");
      expect(sector.stderr).toContain('telecom, energy, health, finance, education, public, retail, other');

      expect(nis2.code).toBe(2);
      expect(nis2.stderr).toContain('essential, important, none');

      expect(zone.code).toBe(2);
      expect(zone.stderr).toContain("option '--time-zone <tz>' argument 'Mars/Olympus' is invalid");

      expect(brands.code).toBe(2);
      expect(brands.stderr).toContain('--brand #2: repeats an earlier brand name');

      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("required option '--name <name>' not specified");
      expect(await count('organisations')).toBe(0);
    }, slow);

    it('org create prints the new id and org list shows the organisation', async () => {
      const created = await run('org', 'create', '--name', 'Zorg Zuid B.V.', '--sector', 'health', '--nis2', 'important', '--brand', 'Zuidkliniek', '--locale', 'en');
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const id = created.stdout.trim();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

      const listed = await run('org', 'list', '--json');
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toContainEqual({ id, kind: 'controller', name: 'Zorg Zuid B.V.', sector: 'health', nis2: 'important', brands: ['Zuidkliniek'] });
      const row = await database.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ default_locale: 'en', time_zone: 'Europe/Amsterdam' });
    }, slow);

    it('demo loads organisations, accounts for every role and cases once, and says so when run again', async () => {
      const first = await run('demo');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Demo loaded: 2 organisations, 2 processors, 7 accounts, 3 cases.');
      const password = /password: (\S+)/.exec(first.stdout)?.[1];
      expect(password?.length).toBeGreaterThanOrEqual(12);
      const counts = { organisations: await count('organisations'), users: await count('users'), cases: await count('cases'), links: await count('processor_links') };

      const second = await run('demo');
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('already loaded; nothing was added');
      expect(second.stdout).not.toContain('password');
      expect({ organisations: await count('organisations'), users: await count('users'), cases: await count('cases'), links: await count('processor_links') }).toEqual(counts);

      const telco = await database.db.selectFrom('organisations').selectAll().where('name', '=', 'Telco Nederland B.V.').executeTakeFirstOrThrow();
      expect(telco).toMatchObject({ kind: 'controller', sector: 'telecom', nis2: 'essential' });
      const roles = await database.db.selectFrom('users').select(['role', 'processor_org_id', 'password_hash']).where('org_id', '=', telco.id).execute();
      expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'auditor', 'privacy_officer', 'processor', 'security_analyst', 'staff_reporter']);
      expect(roles.every((r) => r.password_hash?.startsWith('$argon2id$'))).toBe(true);
      const processorAccount = roles.find((r) => r.role === 'processor');
      const link = await database.db.selectFrom('processor_links').selectAll().where('controller_org_id', '=', telco.id).executeTakeFirstOrThrow();
      expect(processorAccount?.processor_org_id).toBe(link.processor_org_id);
      expect(link.report_deadline_hours).toBe(24);
      const references = await database.db.selectFrom('cases').select(['reference', 'aware_at']).orderBy('reference').execute();
      expect(references.map((r) => r.reference)).toEqual(references.map((_, i) => expect.stringMatching(new RegExp(`^BD-\\d{4}-000${i + 1}$`))));
      expect(references.every((r) => r.aware_at !== null)).toBe(true);
    }, slow);

    it('audit verify reports an intact log, then names the first tampered entry with exit code 1', async () => {
      const intact = await run('audit', 'verify');
      expect(intact.code).toBe(0);
      const entries = Number(/Audit log intact: (\d+) entries/.exec(intact.stdout)?.[1]);
      expect(entries).toBeGreaterThan(10);

      await sql`update audit_events set details = '{"forged":true}' where seq = 3`.execute(database.db);
      const broken = await run('audit', 'verify');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('Audit log broken at entry 3: its contents do not match its hash');
    }, slow);
  });
}
