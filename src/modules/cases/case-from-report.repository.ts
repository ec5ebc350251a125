import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { CaseTaskTable } from '../../db/schema.ts';

export async function insertCaseTasks(db: DbOrTx, rows: Array<Insertable<CaseTaskTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_tasks').values(rows).execute();
}

export async function findOrganisationLocale(db: DbOrTx, orgId: string): Promise<'nl' | 'en'> {
  return (await db.selectFrom('organisations').select('default_locale').where('id', '=', orgId).executeTakeFirst())?.default_locale ?? 'nl';
}
