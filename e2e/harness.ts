import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * End-to-end harness: the real `breachdesk serve` as a child process on a free loopback port with its own
 * fresh DATA_DIR, Debian's Chromium driven by playwright-core, and the `breachdesk` CLI against the same
 * data. Everything the app writes to stdout/stderr goes to a log file that tests can search.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliEntry = path.join(repoRoot, 'bin', 'breachdesk.mjs');
export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234, also the PUBLIC_URL the app was given. */
  baseUrl: string;
  dataDir: string;
  logFile: string;
  /** Everything the server has written to stdout and stderr so far. */
  readLog(): string;
  /** Runs `breachdesk <args>` against the same data; never throws on a non-zero exit. */
  cli(args: string[], options?: { input?: string }): Promise<CliResult>;
  /** Like `cli`, but throws with the command's output when it exits non-zero. */
  cliOk(args: string[], options?: { input?: string }): Promise<CliResult>;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Extra environment for the server and the CLI (for example DATABASE_URL for PostgreSQL). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

let webChecked = false;

/** Builds the web UI when web/dist is missing or older than its sources; once per test process. */
export function ensureWebBuilt(): void {
  if (webChecked) return;
  webChecked = true;
  const webDir = path.join(repoRoot, 'web');
  if (!fs.existsSync(path.join(webDir, 'vite.config.ts'))) return;
  const built = path.join(webDir, 'dist', 'index.html');
  const sources = [path.join(webDir, 'src'), path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts')];
  const newestSource = Math.max(...sources.map(newestMtime));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:web', '--silent'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `breachdesk serve` with a fresh DATA_DIR and waits until /readyz answers 200. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  ensureWebBuilt();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-e2e-'));
  const dataDir = path.join(base, 'data');
  fs.mkdirSync(dataDir);
  const logFile = path.join(base, 'app.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    MAIL_URL: '',
    LOG_LEVEL: 'info',
    ...options.env,
  };

  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [cliEntry, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      resolve();
    });
  });
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

  const stop = async () => {
    await stopChild(child, exited);
    fs.rmSync(base, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseUrl, options.readyTimeoutMs ?? 30_000, () => exitCode);
  } catch (error) {
    const output = readLog();
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.slice(-4000)}`, { cause: error });
  }

  const cli = (args: string[], cliOptions: { input?: string } = {}) => runCli(args, env, cliOptions.input);
  return {
    baseUrl,
    dataDir,
    logFile,
    readLog,
    cli,
    async cliOk(args, cliOptions) {
      const result = await cli(args, cliOptions);
      if (result.code !== 0) {
        throw new Error(`breachdesk ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
      }
      return result;
    },
    stop,
  };
}

async function waitUntilReady(baseUrl: string, timeoutMs: number, exitCode: () => number | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const code = exitCode();
    if (code !== null) throw new Error(`breachdesk serve exited with code ${code} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `/readyz answered ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`breachdesk serve was not ready within ${timeoutMs} ms (${lastProblem})`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 0), stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (install the Debian package "chromium").`);
  return await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface E2E {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A fresh browser context (no cookies, no storage) for each test. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught script errors in the current test's page. */
  readonly pageErrors: string[];
  /** Messages the current test's page logged at error level (including CSP violations). */
  readonly consoleErrors: string[];
}

/**
 * Registers vitest hooks for one test file: one app and one browser for the file, and a fresh context and
 * page for each test. Read the fields inside tests and hooks, not at module level.
 */
export function useE2E(options: StartAppOptions & { contextOptions?: BrowserContextOptions } = {}): E2E {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let pageErrors: string[] = [];
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    if (!browser || !app) throw new Error('the e2e app or browser did not start');
    pageErrors = [];
    consoleErrors = [];
    context = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-GB', timezoneId: 'Europe/Amsterdam', ...options.contextOptions });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterEach(async () => {
    await context?.close();
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`e2e ${name} is not available outside a test`);
    return value;
  };
  return {
    get app() {
      return ready(app, 'app');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'context');
    },
    get page() {
      return ready(page, 'page');
    },
    get pageErrors() {
      return pageErrors;
    },
    get consoleErrors() {
      return consoleErrors;
    },
  };
}
