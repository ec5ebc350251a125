import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest } from '../../../test/db-harness.ts';
import { migrateTo, migrateToLatest } from '../database.ts';

for (const dialect of dialectsUnderTest()) {
  it(`gives existing organisations unique slugs on upgrade [${dialect}]`, async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      await migrateTo(database.db, '0005-case-workflow');
      const at = '2026-01-01T00:00:00.000Z';
      for (const [id, name] of [['o1', 'Zorg & Co B.V.'], ['o2', 'Zorg & Co BV'], ['o3', 'Énergie']]) {
        await database.db.insertInto('organisations').values({ id: id!, kind: 'controller', name: name!, sector: 'other', nis2: 'none', time_zone: 'Europe/Amsterdam', default_locale: 'nl', created_at: at }).execute();
      }
      await migrateToLatest(database.db);
      const rows = await sql<{ id: string; slug: string }>`select id, slug from organisations order by id`.execute(database.db);
      expect(rows.rows).toEqual([
        { id: 'o1', slug: 'zorg-co-bv' },
        { id: 'o2', slug: 'zorg-co-bv-2' },
        { id: 'o3', slug: 'energie' },
      ]);
      await expect(sql`update organisations set slug = 'energie' where id = 'o1'`.execute(database.db)).rejects.toThrow();
    } finally {
      await database.drop();
    }
  });
}
