import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { unwrapDataKey, wrapDataKey } from './envelope.ts';
import { countDataKeysByKek, listDataKeysNotWrappedBy, rewrapDataKeyRow } from './data-keys.repository.ts';
import { keyFilePath, loadKeyEncryptionKey, type KeyEncryptionKey } from './key-encryption-key.ts';
import { forgetLoadedKeys, keyEncryptionKeyFor, parseKey, previousKeysDir } from './key-ring.ts';

export interface RotationReport {
  targetKekId: string;
  /** Rows whose wrapping was replaced. */
  rewrapped: number;
  /** Rows another process changed while this one worked on them; a next pass took them up. */
  raced: number;
  /** Data keys per key-encryption key afterwards. */
  byKek: Array<{ kekId: string; count: number }>;
  /** Where the previous key was kept, when the key file was replaced. */
  previousKeyFile: string | null;
}

export interface RotationOptions {
  batchSize?: number;
}

/**
 * Installs `next` as the key file, keeping the current one under keys/previous so that running processes
 * and backups can still unwrap rows not yet re-wrapped. The new file replaces the old by a rename, so a
 * process reading it never sees half a key.
 */
export function installKeyFile(config: Config, next: KeyEncryptionKey): string | null {
  const file = keyFilePath(config);
  const current = loadKeyEncryptionKey(config);
  if (current.id === next.id) return null;
  const dir = previousKeysDir(config);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kept = path.join(dir, `${current.id}.key`);
  if (!fs.existsSync(kept)) fs.writeFileSync(kept, current.key.toString('base64'), { mode: 0o600, flag: 'wx' });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, next.key.toString('base64'), { mode: 0o600, flag: 'wx' });
  fs.renameSync(temporary, file);
  forgetLoadedKeys();
  return kept;
}

/**
 * Re-wraps every data key not yet wrapped by `target`, a batch per transaction, while the application keeps
 * running: the data keys themselves stay the same, so nothing encrypted under them changes. Passes repeat
 * until one finds nothing left, which also takes up keys that running processes created meanwhile.
 */
export async function rewrapAllDataKeys(db: Db, config: Config, target: KeyEncryptionKey, options: RotationOptions = {}): Promise<Omit<RotationReport, 'previousKeyFile'>> {
  const batchSize = options.batchSize ?? 500;
  let rewrapped = 0;
  let raced = 0;
  for (let pass = 0; pass < 10; pass += 1) {
    let afterId = '';
    let changedThisPass = 0;
    for (;;) {
      const batch = await listDataKeysNotWrappedBy(db, target.id, afterId, batchSize);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
      await db.transaction().execute(async (tx) => {
        for (const row of batch) {
          const dataKey = unwrapDataKey(keyEncryptionKeyFor(config, row.kek_id).key, row.wrapped_key, row.id);
          if (await rewrapDataKeyRow(tx, row.id, { kekId: row.kek_id }, { wrappedKey: wrapDataKey(target.key, dataKey, row.id), kekId: target.id })) {
            changedThisPass += 1;
          } else {
            raced += 1;
          }
        }
      });
    }
    rewrapped += changedThisPass;
    if (changedThisPass === 0) break;
  }
  return { targetKekId: target.id, rewrapped, raced, byKek: await countDataKeysByKek(db) };
}

/**
 * `breachdesk keys rotate`: with a new key (a file, or ENCRYPTION_KEY_NEW) every data key is re-wrapped with
 * it; without one, the rows still under earlier keys are re-wrapped with the current key, which finishes a
 * rotation begun by changing ENCRYPTION_KEY.
 */
export async function rotateKeyEncryptionKey(db: Db, config: Config, input: { newKeyBase64?: string; origin?: string }, options: RotationOptions = {}): Promise<RotationReport> {
  const next = input.newKeyBase64 ? parseKey(input.newKeyBase64, input.origin ?? 'The new key') : undefined;
  let previousKeyFile: string | null = null;
  // With the key in a file this process can install the new key for everyone; with ENCRYPTION_KEY the
  // operator changes the configuration (documented in SECURITY.md).
  if (next && !config.ENCRYPTION_KEY) previousKeyFile = installKeyFile(config, next);
  const target = next ?? loadKeyEncryptionKey(config);
  const report = await rewrapAllDataKeys(db, config, target, options);
  return { ...report, previousKeyFile };
}
