import type { Kysely } from 'kysely';

/**
 * The public incident page of a case and the per-identifier throttle of its "am I affected?" lookup. The
 * throttle holds keyed hashes only, like the lookup index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_pages')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull()) // JSON: per language the sections of the statement
    .addColumn('not_affected_reply', 'text', (c) => c.notNull()) // message | nothing
    .addColumn('allow_customer_lookup', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lookup_throttle')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('identifier_hmac', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lookup_throttle_pk', ['case_id', 'identifier_hmac'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('lookup_throttle').execute();
  await db.schema.dropTable('incident_pages').execute();
}
