import { sql, type Kysely } from 'kysely';
import { organisationSlug, uniqueSlug } from '../../modules/intake/organisation-slug.ts';

/**
 * A public address for each organisation's report page (/report/<slug>). The column stays nullable so that
 * code inserting organisations without a slug keeps working; the intake module fills a missing slug on use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('slug', 'text').execute();
  await db.schema.createIndex('organisations_slug_idx').on('organisations').column('slug').unique().execute();
  const rows = await sql<{ id: string; name: string }>`select id, name from organisations order by created_at, id`.execute(db);
  const taken = new Set<string>();
  for (const row of rows.rows) {
    const slug = uniqueSlug(organisationSlug(row.name), (candidate) => taken.has(candidate));
    taken.add(slug);
    await sql`update organisations set slug = ${slug} where id = ${row.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('organisations_slug_idx').execute();
  await db.schema.alterTable('organisations').dropColumn('slug').execute();
}
