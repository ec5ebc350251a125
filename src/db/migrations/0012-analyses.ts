import type { Kysely } from 'kysely';

/**
 * Impact analyses of a case's breached dataset: one row per run, with its progress while it runs and its
 * result (column reports and totals, masked examples only) once done. The people it found are stored in
 * affected_people with the analysis as their source.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull()) // csv | jsonl | parquet
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | completed | failed | cancelled
    .addColumn('phase', 'text')
    .addColumn('progress_permille', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('column_overrides', 'text', (c) => c.notNull().defaultTo('{}')) // JSON header -> category | null
    .addColumn('result', 'text') // JSON, no personal data
    .addColumn('error', 'text')
    .addColumn('rerun_of', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('analyses_case_idx').on('analyses').columns(['case_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analyses').execute();
}
