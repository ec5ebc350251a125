import type { DbOrTx } from '../../db/database.ts';

export async function listMessagesOfOrg(db: DbOrTx, orgId: string, limit: number) {
  return db
    .selectFrom('mailbox_messages')
    .select(['id', 'to_address', 'subject', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findMessageOfOrg(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('mailbox_messages')
    .select(['id', 'to_address', 'from_address', 'subject', 'text_body', 'created_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}
