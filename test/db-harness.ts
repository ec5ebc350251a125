import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../src/db/database.ts';

/**
 * Runs a suite once on SQLite and once on a real PostgreSQL server. `npm test` starts a throwaway
 * server and passes its admin URL in TEST_POSTGRES_URL; with CI=true a missing server fails the run.
 */
export function dialectsUnderTest(): Dialect[] {
  if (process.env.TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_POSTGRES_URL is not set: the PostgreSQL tier must run in CI.');
  return ['sqlite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** The URL (postgres) or file (sqlite) of this database, for code under test that opens its own. */
  location: string;
}

/** A fresh, empty database of the given dialect; `migrate: false` leaves the schema to the test. */
export async function createTestDatabase(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestDatabase & { drop(): Promise<void> }> {
  let handle: DatabaseHandle;
  let location: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const adminUrl = process.env.TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
    const name = `bd_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    location = url.toString();
    handle = openDatabase({ dialect: 'postgres', url: location });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-test-'));
    location = path.join(dir, 'test.sqlite');
    handle = openDatabase({ dialect: 'sqlite', file: location });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    location,
    async drop() {
      await handle.close();
      await cleanup();
    },
  };
}

/** `describe` once per dialect with a migrated database that lives for the whole block. */
export function describeOnDatabases(name: string, body: (getDb: () => TestDatabase, dialect: Dialect) => void): void {
  for (const dialect of dialectsUnderTest()) {
    describe(`${name} [${dialect}]`, () => {
      let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.drop();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, dialect);
    });
  }
}
