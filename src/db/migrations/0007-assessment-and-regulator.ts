import type { Kysely } from 'kysely';

/**
 * Risk decisions recorded on a case (computed and chosen outcome, who chose and why), drafts of the
 * notification to the authority with what was submitted, and the organisation's contact point that the
 * authority's form asks for (GDPR art. 33(3)(b)).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    // The facts as they stood when the decision was taken, and where each came from (JSON).
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('fact_sources', 'text', (c) => c.notNull())
    // The computed decision as `breachdesk assess` prints it, with the outcome per party (JSON).
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('computed_outcome', 'text', (c) => c.notNull()) // none | risk | high
    .addColumn('chosen_outcome', 'text', (c) => c.notNull()) // none | risk | high
    .addColumn('overridden', 'integer', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_assessments_case_idx').on('case_assessments').columns(['case_id', 'decided_at']).execute();

  await db.schema
    .createTable('regulator_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // initial | follow_up | withdrawal
    .addColumn('regime', 'text', (c) => c.notNull()) // gdpr | telecom | nis2_early_warning | nis2_notification | nis2_final
    // The sections with their answers in Dutch and English, and for a follow-up what changed (JSON).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('previous_draft_id', 'text')
    .addColumn('assessment_id', 'text', (c) => c.references('case_assessments.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('ap_reference', 'text')
    .addColumn('notification_id', 'text', (c) => c.references('case_notifications.id'))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('regulator_drafts_case_idx').on('regulator_drafts').columns(['case_id', 'created_at']).execute();

  await db.schema.alterTable('organisations').addColumn('dpo_name', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('dpo_email', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('dpo_phone', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['dpo_phone', 'dpo_email', 'dpo_name']) {
    await db.schema.alterTable('organisations').dropColumn(column).execute();
  }
  await db.schema.dropTable('regulator_drafts').execute();
  await db.schema.dropTable('case_assessments').execute();
}
