// `npm test`: runs the three test tiers (unit, db on SQLite and PostgreSQL, e2e in Chromium) with vitest and
// prints one summary. Usage: node scripts/test-all.mjs [unit] [db] [e2e] [-- extra vitest arguments]
// A tier whose system dependency is missing is installed when running as root, skipped with a banner
// otherwise, and is a failure with CI=true.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresAvailable, startPostgres } from './postgres-throwaway.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = '/usr/bin/chromium';
const allTiers = ['unit', 'db', 'e2e'];
const inCi = process.env.CI === 'true';
const isRoot = process.getuid?.() === 0;

const { tiers, vitestArgs } = parseArguments(process.argv.slice(2));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-test-report-'));

let currentChild = null;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Let the running tier wind down so that its servers are stopped by the `finally` blocks below.
    interrupted = true;
    currentChild?.kill(signal);
  });
}

const results = [];
try {
  for (const tier of tiers) {
    if (interrupted) break;
    results.push(await runTier(tier));
  }
} finally {
  fs.rmSync(reportDir, { recursive: true, force: true });
}

printSummary(results);
const failed = interrupted || results.some((r) => r.status === 'failed');
process.exit(interrupted ? 130 : failed ? 1 : 0);

function parseArguments(argv) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const extra = separator === -1 ? [] : argv.slice(separator + 1);
  const unknown = own.filter((a) => !allTiers.includes(a));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown tier(s): ${unknown.join(', ')}. Choose from: ${allTiers.join(', ')}.\n`);
    process.exit(2);
  }
  return { tiers: own.length > 0 ? allTiers.filter((t) => own.includes(t)) : allTiers, vitestArgs: extra };
}

async function runTier(tier) {
  const started = Date.now();
  const finish = (result) => ({ tier, seconds: (Date.now() - started) / 1000, ...result });
  if (tier === 'unit') return finish(await runVitest('unit', {}));
  if (tier === 'db') {
    const missing = ensureDependency('PostgreSQL server binaries', postgresAvailable, 'postgresql');
    if (missing) return finish(missing);
    const server = await startPostgres();
    try {
      return finish(await runVitest('db', { TEST_POSTGRES_URL: server.url }));
    } finally {
      await server.stop();
    }
  }
  const missing = ensureDependency('Chromium', () => fs.existsSync(chromiumPath), 'chromium');
  if (missing) return finish(missing);
  return finish(await runVitest('e2e', {}));
}

let aptUpdated = false;

/** Returns null when the dependency is (now) present, or the skipped/failed result of the tier. */
function ensureDependency(label, isPresent, debianPackage) {
  if (isPresent()) return null;
  if (isRoot && commandExists('apt-get')) {
    process.stdout.write(`${label} missing: installing the Debian package "${debianPackage}".\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!aptUpdated) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      aptUpdated = true;
    }
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], { stdio: 'inherit', env });
    if (isPresent()) return null;
  }
  const reason = `${label} not found (Debian package "${debianPackage}")`;
  printBanner(inCi ? `FAILED: ${reason}; CI=true requires every tier.` : `SKIPPED: ${reason}; install it to run this tier.`);
  return { status: inCi ? 'failed' : 'skipped', passed: 0, failed: 0, note: reason };
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function printBanner(message) {
  const line = '#'.repeat(Math.max(60, message.length + 8));
  process.stdout.write(`\n${line}\n### ${message}\n${line}\n\n`);
}

async function runVitest(project, extraEnv) {
  const reportFile = path.join(reportDir, `${project}.json`);
  const args = [
    path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project', project,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...vitestArgs,
  ];
  process.stdout.write(`\n=== ${project} tests ===\n`);
  const exitCode = await new Promise((resolve) => {
    currentChild = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    currentChild.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    currentChild.on('error', () => resolve(1));
  });
  currentChild = null;
  const counts = readCounts(reportFile);
  // A suite can fail without a failing test (an import error, an unhandled rejection): trust the exit code too.
  const status = exitCode === 0 && counts.failed === 0 ? 'passed' : 'failed';
  const note = counts.reportMissing ? 'no report written' : counts.suiteErrors > 0 ? `${counts.suiteErrors} file(s) failed to run` : undefined;
  return { status, passed: counts.passed, failed: counts.failed, skippedTests: counts.skipped, note };
}

function readCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const suiteErrors = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      suiteErrors,
      reportMissing: false,
    };
  } catch {
    return { passed: 0, failed: 0, skipped: 0, suiteErrors: 0, reportMissing: true };
  }
}

function printSummary(list) {
  process.stdout.write('\n');
  for (const r of list) {
    const extras = [r.skippedTests ? `${r.skippedTests} skipped` : '', r.note ?? ''].filter(Boolean).join('; ');
    const counts = r.status === 'skipped' ? 'SKIPPED' : `${r.status}: ${r.passed} passed, ${r.failed} failed`;
    process.stdout.write(`${r.tier.padEnd(5)} ${counts}${extras ? ` (${extras})` : ''} in ${r.seconds.toFixed(1)} s\n`);
  }
  if (interrupted) process.stdout.write('interrupted\n');
  const passed = list.reduce((sum, r) => sum + r.passed, 0);
  const failed = list.reduce((sum, r) => sum + r.failed, 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
}
