import type { Kysely } from 'kysely';

/**
 * reports.data_key_id: the data key that encrypts the report's text and its reporter's name, e-mail and
 * phone. Reports are encrypted under their organisation's data key (case_id null), because a report exists
 * before any case does and keeps its key when it is triaged.
 *
 * Rows written before this migration stay in plain text with data_key_id null, and reads accept both. They
 * are encrypted by `breachdesk keys rotate`, not here: a migration gets only a database handle, never the
 * key-encryption key, and must run the same on both dialects without it. Rotating is also the moment an
 * operator attends to keys anyway, and it can be repeated: it takes up only rows still without a key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('data_key_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('data_key_id').execute();
}
