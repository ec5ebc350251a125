import type { DbOrTx } from '../../db/database.ts';

/** A queued or running job of this name other than `exceptId`, if any. */
export async function findQueuedJobOfName(db: DbOrTx, name: string, exceptId?: string): Promise<string | undefined> {
  let query = db.selectFrom('jobs').select('id').where('name', '=', name).where('status', 'in', ['queued', 'running']);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.limit(1).executeTakeFirst())?.id;
}
