import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/db-harness.ts';
import { buildOrganisation } from '../../test/factories.ts';
import { verifyPassword } from '../modules/auth/password.ts';

// Each run starts a fresh process that compiles the sources on load: seconds apiece on a busy machine.
const spawnTimeout = 180_000;
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/breachdesk.mjs');

describeOnDatabases('breachdesk user create', (getDb, dialect) => {
  const run = (args: string[], input?: string) => {
    const location = getDb().location;
    const result = spawnSync(process.execPath, [bin, 'user', 'create', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: dialect === 'postgres' ? location : `sqlite:${location}`, LOG_LEVEL: 'silent' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints its usage with --help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--password-stdin');
  }, spawnTimeout);

  it('exits 2 naming the option at fault', async () => {
    expect(run(['--name', 'N', '--role', 'admin'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--email') });
    expect(run(['--email', 'a@example.test', '--name', 'N', '--role', 'boss'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--role') });
    expect(run(['--email', 'a@example.test', '--name', 'N', '--role', 'admin'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--org') });
    await buildOrganisation(getDb().db, { name: 'Only Org' });
    expect(run(['--email', 'not-an-address', '--name', 'N', '--role', 'admin'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--email') });
    expect(run(['--email', 'a@example.test', '--name', 'N', '--role', 'admin', '--password', 'short'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--password') });
  }, spawnTimeout);

  it('creates an account with a password from standard input, or prints a setup link without one', async () => {
    const withPassword = run(['--email', 'Ada@Example.test', '--name', 'Ada', '--role', 'admin', '--org', 'only org', '--password-stdin'], 'a long enough password\n');
    expect(withPassword.code, withPassword.stderr).toBe(0);
    expect(withPassword.stdout).toContain('ada@example.test');
    const row = await getDb().db.selectFrom('users').selectAll().where('email', '=', 'ada@example.test').executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'a long enough password')).toBe(true);

    const withoutPassword = run(['--email', 'bob@example.test', '--name', 'Bob', '--role', 'auditor']);
    expect(withoutPassword.code, withoutPassword.stderr).toBe(0);
    expect(withoutPassword.stdout).toMatch(/Open http:\/\/localhost:3000\/setup\/\S+ to choose the password/);
    expect(run(['--email', 'bob@example.test', '--name', 'Bob', '--role', 'auditor']).code).toBe(1);
  }, spawnTimeout);
});
