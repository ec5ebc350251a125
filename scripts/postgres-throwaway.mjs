// Starts a throwaway PostgreSQL server from Debian's package in a temp folder on a loopback port.
// Usage as a module: const pg = await startPostgres(); ... await pg.stop();
// Usage as a command: node scripts/postgres-throwaway.mjs  (prints the URL, stops on Ctrl-C)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

async function freePort() {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function postgresAvailable() {
  return findPgBin() !== null;
}

export async function startPostgres() {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install the Debian package "postgresql").');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-pg-'));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the package's own user.
  const asUser = (args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)]);
  if (isRoot) execFileSync('chown', ['postgres:postgres', base]);
  const run = (args) => {
    const [cmd, rest] = asUser(args);
    const result = spawnSync(cmd, rest, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr || result.stdout}`);
  };
  try {
    run([path.join(bin, 'initdb'), '-D', path.join(base, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    run([
      path.join(bin, 'pg_ctl'), '-D', path.join(base, 'data'), '-l', path.join(base, 'server.log'), '-w',
      '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${base} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    // The server log says why it did not start; keep it in the message before the folder goes.
    const logFile = path.join(base, 'server.log');
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    fs.rmSync(base, { recursive: true, force: true });
    throw new Error(`${error.message}${log ? `\n--- server.log ---\n${log}` : ''}`, { cause: error });
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async stop() {
      try {
        run([path.join(bin, 'pg_ctl'), '-D', path.join(base, 'data'), '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  process.stdout.write(`${server.url}\n`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
