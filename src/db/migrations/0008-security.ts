import type { Kysely } from 'kysely';

/**
 * Sign-in second factor (TOTP secrets, backup codes, sign-ins waiting for their code), the organisation's
 * security settings (which roles must use a second factor, how long a closed case keeps personal data) and
 * the moment a case's personal data was purged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON array of roles; existing organisations get the secure default as well.
  await db.schema
    .alterTable('organisations')
    .addColumn('mfa_required_roles', 'text', (c) => c.notNull().defaultTo('["admin","privacy_officer"]'))
    .execute();
  await db.schema.alterTable('organisations').addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365)).execute();
  await db.schema.alterTable('cases').addColumn('purged_at', 'text').execute();

  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    // The base32 secret, encrypted under the organisation's data key.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('data_key_id', 'text', (c) => c.notNull().references('data_keys.id'))
    .addColumn('confirmed_at', 'text')
    // The last 30-second step a code was accepted for: the same code cannot be used twice.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('backup_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('backup_codes_user_idx').on('backup_codes').column('user_id').execute();

  await db.schema
    .createTable('mfa_pending')
    .addColumn('id', 'text', (c) => c.primaryKey()) // hash of the cookie's token
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mfa_pending', 'backup_codes', 'user_totp']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('cases').dropColumn('purged_at').execute();
  await db.schema.alterTable('organisations').dropColumn('retention_days').execute();
  await db.schema.alterTable('organisations').dropColumn('mfa_required_roles').execute();
}
