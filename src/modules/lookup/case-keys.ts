import type { DbOrTx } from '../../db/database.ts';
import { deriveLookupKey } from '../affected-people/index.ts';
import { getOrCreateDataKey, type KeyDeps } from '../keys/index.ts';
import { deriveVerificationKey } from './verification-code.ts';

export interface CaseKeys {
  dataKey: Buffer;
  lookupKey: Buffer;
  verificationKey: Buffer;
}

// Short enough that a purged data key stops working within a minute, long enough to spare the key store
// (a database read and an unwrap) on every public request during a rush.
const cacheMs = 60_000;
const cache = new Map<string, { keys: CaseKeys; until: number }>();

export async function caseKeysOf(db: DbOrTx, deps: KeyDeps, orgId: string, caseId: string): Promise<CaseKeys> {
  const now = Date.now();
  const cached = cache.get(caseId);
  if (cached && cached.until > now) return cached.keys;
  const dataKey = await getOrCreateDataKey(db, deps, orgId, caseId);
  const keys = { dataKey: dataKey.key, lookupKey: deriveLookupKey(dataKey.key, caseId), verificationKey: deriveVerificationKey(dataKey.key, caseId) };
  cache.set(caseId, { keys, until: now + cacheMs });
  return keys;
}
