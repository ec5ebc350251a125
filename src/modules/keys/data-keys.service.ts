import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { newId } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import { decryptValue, encryptValue, newDataKey, unwrapDataKey, wrapDataKey } from './envelope.ts';
import { loadKeyEncryptionKey } from './key-encryption-key.ts';
import { keyEncryptionKeyFor } from './key-ring.ts';
import { findDataKey, findDataKeyById, insertDataKey } from './data-keys.repository.ts';

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface KeyDeps {
  config: Config;
  clock: Clock;
}

/**
 * The data key of a case (or, with caseId null, of the organisation's reports not yet in a case). Each
 * case has its own, so that purging a case's key makes everything encrypted under it unreadable.
 */
export async function getOrCreateDataKey(db: DbOrTx, deps: KeyDeps, orgId: string, caseId: string | null): Promise<DataKey> {
  const kek = loadKeyEncryptionKey(deps.config);
  const existing = await findDataKey(db, orgId, caseId);
  if (existing) return { id: existing.id, key: unwrapDataKey(keyEncryptionKeyFor(deps.config, existing.kek_id).key, existing.wrapped_key, existing.id) };
  const id = newId();
  const key = newDataKey();
  await insertDataKey(db, { id, org_id: orgId, case_id: caseId, wrapped_key: wrapDataKey(kek.key, key, id), kek_id: kek.id, created_at: deps.clock.now().toISOString() });
  return { id, key };
}

export async function loadDataKey(db: DbOrTx, deps: Pick<KeyDeps, 'config'>, dataKeyId: string): Promise<DataKey> {
  const row = await findDataKeyById(db, dataKeyId);
  if (!row) throw new Error(`data key ${dataKeyId} is missing`);
  return { id: row.id, key: unwrapDataKey(keyEncryptionKeyFor(deps.config, row.kek_id).key, row.wrapped_key, row.id) };
}

export { encryptValue, decryptValue };
