import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, pendingMigrations } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { createTestDatabase, dialectsUnderTest } from './db-harness.ts';

const names = Object.keys(migrations);

for (const dialect of dialectsUnderTest()) {
  describe(`migrations [${dialect}]`, () => {
    const drops: Array<() => Promise<void>> = [];
    afterEach(async () => {
      while (drops.length) await drops.pop()!();
    });

    it('builds the whole schema from an empty database and reports nothing pending', async () => {
      const database = await createTestDatabase(dialect, { migrate: false });
      drops.push(database.drop);
      expect(await pendingMigrations(database.db)).toEqual(names);
      expect(await migrateToLatest(database.db)).toEqual(names);
      expect(await pendingMigrations(database.db)).toEqual([]);
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('upgrades from each previous migration with data in it, keeping the data', async () => {
      for (let i = 0; i < names.length; i += 1) {
        const database = await createTestDatabase(dialect, { migrate: false });
        drops.push(database.drop);
        await migrateTo(database.db, names[i]!);
        await sql`insert into organisations (id, kind, name, sector, nis2, time_zone, default_locale, created_at)
                  values ('org-1', 'controller', 'Kept BV', 'telecom', 'essential', 'Europe/Amsterdam', 'nl', '2026-01-01T00:00:00.000Z')`.execute(database.db);
        await migrateToLatest(database.db);
        const rows = await database.db.selectFrom('organisations').select(['name']).execute();
        expect(rows).toEqual([{ name: 'Kept BV' }]);
      }
    });
  });
}
