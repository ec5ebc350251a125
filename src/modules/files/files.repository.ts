import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { FileTable } from '../../db/schema.ts';

export type FileRow = Selectable<FileTable>;

export async function insertFile(db: DbOrTx, row: FileRow): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export async function findFileOfOrg(db: DbOrTx, orgId: string, fileId: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('org_id', '=', orgId).where('id', '=', fileId).executeTakeFirst();
}

export async function listFilesOfCase(db: DbOrTx, orgId: string, caseId: string): Promise<FileRow[]> {
  return db.selectFrom('files').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).orderBy('created_at', 'asc').execute();
}

export async function listFilesOfReport(db: DbOrTx, orgId: string, reportId: string): Promise<FileRow[]> {
  return db.selectFrom('files').selectAll().where('org_id', '=', orgId).where('report_id', '=', reportId).orderBy('created_at', 'asc').execute();
}

export async function moveReportFilesToCase(db: DbOrTx, orgId: string, reportId: string, caseId: string): Promise<void> {
  await db.updateTable('files').set({ case_id: caseId }).where('org_id', '=', orgId).where('report_id', '=', reportId).execute();
}
