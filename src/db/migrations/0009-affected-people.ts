import type { Kysely } from 'kysely';

/**
 * The people to inform, per case and per source (a dataset analysis or an uploaded list). Contact details
 * are stored only encrypted under the case's data key; the lookup index holds keyed hashes, never the
 * identifiers themselves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('affected_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('set_kind', 'text', (c) => c.notNull()) // confirmed | accessed | could_have_been_queried
    .addColumn('language', 'text', (c) => c.notNull()) // nl | en
    .addColumn('brands', 'text', (c) => c.notNull()) // JSON array of brand names
    .addColumn('categories', 'text', (c) => c.notNull()) // JSON array of exposed data categories
    .addColumn('special_categories', 'text', (c) => c.notNull())
    .addColumn('vulnerable', 'text', (c) => c.notNull()) // JSON array of vulnerability flags
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('has_email', 'integer', (c) => c.notNull())
    .addColumn('has_mobile', 'integer', (c) => c.notNull())
    .addColumn('has_address', 'integer', (c) => c.notNull())
    .addColumn('contact_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('affected_people_person_unique', ['case_id', 'source_id', 'person_key'])
    .execute();
  await db.schema.createIndex('affected_people_case_idx').on('affected_people').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('lookup_index')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('identifier_hmac', 'text', (c) => c.notNull())
    .addColumn('affected_person_id', 'text', (c) => c.notNull().references('affected_people.id'))
    .addPrimaryKeyConstraint('lookup_index_pk', ['case_id', 'identifier_hmac', 'affected_person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('lookup_index').execute();
  await db.schema.dropTable('affected_people').execute();
}
