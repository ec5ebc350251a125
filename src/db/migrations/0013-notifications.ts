import type { Kysely } from 'kysely';

/**
 * Campaigns that inform the people affected, and their outbox: one row per (campaign, person, channel), so
 * that a person is sent to at most once per channel whatever happens to the workers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // draft | approved | running | paused | cancelled | completed
    .addColumn('audience_sets', 'text', (c) => c.notNull()) // JSON array of affected sets
    .addColumn('channel_order', 'text', (c) => c.notNull()) // JSON array: email, sms, letter
    .addColumn('elderly_route', 'text', (c) => c.notNull()) // same | letter | phone
    .addColumn('templates', 'text', (c) => c.notNull()) // JSON {nl:{subject,body}, en:{subject,body}}
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_case_idx').on('campaigns').columns(['case_id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('affected_person_id', 'text', (c) => c.notNull().references('affected_people.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // email | sms | letter | phone
    .addColumn('state', 'text', (c) => c.notNull()) // pending | claimed | accepted | unknown | deferred | bounced | fallen_back
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('claims', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_response', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_recipient_unique', ['campaign_id', 'affected_person_id', 'channel'])
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['campaign_id', 'state', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('campaigns').execute();
}
