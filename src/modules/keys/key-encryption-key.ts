import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import { keyId } from './envelope.ts';

export interface KeyEncryptionKey {
  id: string;
  key: Buffer;
}

const loaded = new Map<string, KeyEncryptionKey>();

/** Forgets every loaded key, so that the next use reads configuration and key files again. */
export function forgetLoadedKeyEncryptionKeys(): void {
  loaded.clear();
}

export function keyFilePath(config: Config): string {
  return path.join(config.DATA_DIR, 'keys', 'kek.key');
}

/**
 * The key that wraps every data key: from ENCRYPTION_KEY, else from a key file created on first use with
 * owner-only permissions. Loaded once per process.
 */
export function loadKeyEncryptionKey(config: Config): KeyEncryptionKey {
  const cacheKey = config.ENCRYPTION_KEY || path.resolve(keyFilePath(config));
  const cached = loaded.get(cacheKey);
  if (cached) return cached;
  let key: Buffer;
  if (config.ENCRYPTION_KEY) {
    key = Buffer.from(config.ENCRYPTION_KEY, 'base64');
  } else {
    const file = keyFilePath(config);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process created it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The key file ${file} does not hold a 32-byte base64 key.`);
  }
  const kek = { id: keyId(key), key };
  loaded.set(cacheKey, kek);
  return kek;
}
