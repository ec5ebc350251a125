import type { DbOrTx } from '../../db/database.ts';
import type { NewOrganisation, NewUser, Organisation, User, UserTable } from '../../db/schema.ts';

export async function listUsersOfOrg(db: DbOrTx, orgId: string): Promise<User[]> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('display_name').orderBy('id').execute();
}

export async function findUserInOrg(db: DbOrTx, orgId: string, userId: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst();
}

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

export async function insertUser(db: DbOrTx, row: NewUser): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserRow(db: DbOrTx, userId: string, changes: Partial<Pick<UserTable, 'role' | 'display_name' | 'disabled_at' | 'processor_org_id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', userId).execute();
}

export async function countEnabledAdmins(db: DbOrTx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAllUsers(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listControllerOrganisations(db: DbOrTx): Promise<Organisation[]> {
  return db.selectFrom('organisations').selectAll().where('kind', '=', 'controller').orderBy('created_at').orderBy('id').execute();
}

export async function findOrganisationsByIdOrName(db: DbOrTx, value: string): Promise<Organisation[]> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', value), eb(eb.fn('lower', ['name']), '=', value.toLowerCase())]))
    .orderBy('created_at')
    .execute();
}

export async function insertOrganisationRow(db: DbOrTx, row: NewOrganisation): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function isLinkedProcessor(db: DbOrTx, controllerOrgId: string, processorOrgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('processor_links')
    .select('id')
    .where('controller_org_id', '=', controllerOrgId)
    .where('processor_org_id', '=', processorOrgId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOrganisationById(db: DbOrTx, orgId: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}
