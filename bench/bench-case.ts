import type { DbOrTx } from '../src/db/database.ts';
import { newId } from '../src/shared/ids.ts';

/** The telecom organisation and the one case every bench works on. */
export async function insertBenchCase(db: DbOrTx, now: string): Promise<{ orgId: string; caseId: string }> {
  const orgId = newId();
  const caseId = newId();
  await db.insertInto('organisations').values({ id: orgId, kind: 'controller', name: 'Bench Telecom', sector: 'telecom', nis2: 'essential', time_zone: 'Europe/Amsterdam', default_locale: 'nl', created_at: now }).execute();
  await db.insertInto('cases').values({ id: caseId, org_id: orgId, reference: 'BD-2026-BENCH', title: 'Bench', summary: '', state: 'investigating', owner_user_id: null, aware_at: now, created_at: now, updated_at: now }).execute();
  return { orgId, caseId };
}
