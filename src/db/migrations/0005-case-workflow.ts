import type { Kysely } from 'kysely';

/**
 * Reports, the case workflow around them (parties, tasks, comments, files, notifications to authorities),
 * API tokens for machine reports, and per-case data keys for what is stored encrypted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull()) // public | internal | processor | api
    .addColumn('status', 'text', (c) => c.notNull()) // new | converted | attached | not_a_breach
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('reporter_role', 'text', (c) => c.notNull()) // staff | processor | customer | other
    .addColumn('reporter_org_name', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('processor_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('api_token_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('discovered_at', 'text')
    .addColumn('ongoing', 'text', (c) => c.notNull()) // yes | no | unknown
    .addColumn('systems', 'text', (c) => c.notNull())
    .addColumn('data_categories', 'text', (c) => c.notNull()) // JSON array of case-facts categories
    .addColumn('persons_min', 'integer')
    .addColumn('persons_max', 'integer')
    .addColumn('data_encrypted', 'text', (c) => c.notNull()) // yes | no | unknown
    .addColumn('processor_aware_at', 'text')
    .addColumn('processor_reported_at', 'text')
    .addColumn('triage_reason', 'text')
    .addColumn('triaged_by', 'text', (c) => c.references('users.id'))
    .addColumn('triaged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_org_status_idx').on('reports').columns(['org_id', 'status', 'created_at']).execute();

  await db.schema.alterTable('cases').addColumn('detected_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('occurred_at', 'text').execute();
  // The case facts in the public case-facts format (docs/case-facts.md), as JSON.
  await db.schema.alterTable('cases').addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  // Where each fact came from: {"data.subjects": {"source": "user", "by": "...", "at": "..."}}.
  await db.schema.alterTable('cases').addColumn('fact_sources', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('cases').addColumn('cause', 'text').execute();
  await db.schema.alterTable('cases').addColumn('risk_outcome', 'text').execute(); // none | risk | high
  await db.schema.alterTable('cases').addColumn('effects', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('remedial_action', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('not_a_breach', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('closed_reason', 'text').execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('brand_id', 'text', (c) => c.references('brands.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // controller | joint_controller
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_parties_case_idx').on('case_parties').column('case_id').execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_tasks_case_idx').on('case_tasks').column('case_id').execute();

  await db.schema
    .createTable('case_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_comments_case_idx').on('case_comments').column('case_id').execute();

  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('data_key_id', 'text', (c) => c.notNull().references('data_keys.id'))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_case_idx').on('files').column('case_id').execute();

  await db.schema
    .createTable('case_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('case_parties.id'))
    .addColumn('obligation', 'text', (c) => c.notNull()) // an obligation id of the clocks module
    .addColumn('kind', 'text', (c) => c.notNull()) // initial | follow_up | complete | withdrawal
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('external_reference', 'text')
    .addColumn('delay_reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_notifications_case_idx').on('case_notifications').column('case_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('processor_report_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('processor_link_id', 'text', (c) => c.notNull().references('processor_links.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  // The timeline of a case is its audit trail: entries name the case they belong to.
  await db.schema.alterTable('audit_events').addColumn('case_id', 'text').execute();
  await db.schema.createIndex('audit_events_case_idx').on('audit_events').columns(['case_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_case_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('case_id').execute();
  for (const table of ['processor_report_links', 'api_tokens', 'case_notifications', 'files', 'data_keys', 'case_comments', 'case_tasks', 'case_parties']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['closed_reason', 'closed_at', 'not_a_breach', 'decision_reason', 'remedial_action', 'effects', 'risk_outcome', 'cause', 'fact_sources', 'facts', 'occurred_at', 'detected_at']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
  await db.schema.dropTable('reports').execute();
}
