import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/db-harness.ts';
import { buildOrganisation, createTestClock } from '../../test/factories.ts';
import { createCase } from '../modules/cases/index.ts';
import { printCase, printCaseList } from './case.command.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/breachdesk.mjs');

function capture(): { write: (text: string) => void; text: () => string } {
  let out = '';
  return { write: (text) => void (out += text), text: () => out };
}

describeOnDatabases('case command', (getDb) => {
  const clock = createTestClock('2026-03-02T09:00:00.000Z');
  const deps = () => ({ db: getDb().db, clock });

  it('lists cases with id, reference, state and next deadline, and shows one by reference with facts, tasks and timeline', async () => {
    const org = await buildOrganisation(getDb().db, { sector: 'telecom' });
    const opened = await createCase(deps(), org.id, { title: 'Routers send MAC addresses abroad', awareAt: '2026-03-02T08:00:00.000Z' }, { label: 'cli' });

    const list = capture();
    await printCaseList(deps(), list.write, {});
    const line = list.text().split('\n').find((l) => l.includes(opened.reference))!;
    expect(line).toContain(opened.id);
    expect(line).toContain('triage');
    expect(line).toContain('telecom_initial 2026-03-03T08:00:00.000Z');

    const json = capture();
    await printCaseList(deps(), json.write, { json: true });
    const parsed = JSON.parse(json.text()) as { cases: Array<{ id: string; orgId: string; nextDeadline: { obligation: string } }> };
    expect(parsed.cases.find((c) => c.id === opened.id)).toMatchObject({ orgId: org.id, nextDeadline: { obligation: 'telecom_initial' } });

    const shown = capture();
    await printCase(deps(), shown.write, opened.reference.toLowerCase(), {});
    expect(shown.text()).toContain(`${opened.reference}  Routers send MAC addresses abroad`);
    expect(shown.text()).toMatch(/Deadlines\n.*OBLIGATION[\s\S]*gdpr_authority\s+2026-03-05T08:00:00.000Z\s+open/);
    expect(shown.text()).toContain('Melden bij de toezichthouder');
    expect(shown.text()).toMatch(/Timeline\n.*\n\s+\d+\s+2026-03-02T09:00:00.000Z\s+cli\s+case.created/);

    const detail = capture();
    await printCase(deps(), detail.write, opened.id, { json: true });
    expect(JSON.parse(detail.text())).toMatchObject({ case: { id: opened.id, facts: {} }, tasks: expect.any(Array), timeline: [expect.objectContaining({ action: 'case.created' })] });

    await expect(printCase(deps(), capture().write, 'BD-1999-0001', {})).rejects.toMatchObject({ code: 'not_found', message: 'no case with id or reference BD-1999-0001' });
  });
});

// The embedded database only: what is checked here is the process's exit code and output, not a dialect.
describe('case command process', () => {
  it('exits with 1 and a message for an unknown case, and documents itself', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-case-cli-'));
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', MAIL_URL: '', DATA_DIR: dataDir, DATABASE_URL: '' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      const [missing, help] = await Promise.all([run('case', 'show', 'BD-2026-9999'), run('case', 'show', '--help')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no case with id or reference BD-2026-9999');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('the case id or its reference');
      const empty = await run('case', 'list', '--json');
      expect(empty.code).toBe(0);
      expect(JSON.parse(empty.stdout)).toEqual({ cases: [] });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
