import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { keyId } from './envelope.ts';
import { forgetLoadedKeyEncryptionKeys, keyFilePath, loadKeyEncryptionKey, type KeyEncryptionKey } from './key-encryption-key.ts';

/**
 * The current key-encryption key and the earlier ones that may still unwrap data keys while a rotation
 * runs. New data keys are always wrapped with the current key; a row names the key that wrapped it (kek_id).
 */
export interface KeyRing {
  current: KeyEncryptionKey;
  previous: KeyEncryptionKey[];
}

export function previousKeysDir(config: Config): string {
  return path.join(config.DATA_DIR, 'keys', 'previous');
}

export function parseKey(base64: string, origin: string): KeyEncryptionKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${origin} does not hold a 32-byte base64 key.`);
  return { id: keyId(key), key };
}

function readPreviousKeys(config: Config): KeyEncryptionKey[] {
  const keys: KeyEncryptionKey[] = [];
  for (const value of config.ENCRYPTION_KEYS_PREVIOUS.split(',').filter((v) => v.trim())) keys.push(parseKey(value, 'ENCRYPTION_KEYS_PREVIOUS'));
  const dir = previousKeysDir(config);
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.key')).sort()) {
      const file = path.join(dir, name);
      keys.push(parseKey(fs.readFileSync(file, 'utf8'), `The key file ${file}`));
    }
  }
  return keys;
}

const rings = new Map<string, KeyRing>();

function ringCacheKey(config: Config): string {
  return `${config.ENCRYPTION_KEY}|${config.ENCRYPTION_KEYS_PREVIOUS}|${path.resolve(keyFilePath(config))}`;
}

export function loadKeyRing(config: Config): KeyRing {
  const cacheKey = ringCacheKey(config);
  const cached = rings.get(cacheKey);
  if (cached) return cached;
  const ring = { current: loadKeyEncryptionKey(config), previous: readPreviousKeys(config) };
  rings.set(cacheKey, ring);
  return ring;
}

export function findInRing(ring: KeyRing, kekId: string): KeyEncryptionKey | undefined {
  return [ring.current, ...ring.previous].find((kek) => kek.id === kekId);
}

/**
 * The key-encryption key that wrapped a row. An unknown id makes the ring be read again once: another
 * process (`breachdesk keys rotate`) may have installed a new key file while this one was running.
 */
export function keyEncryptionKeyFor(config: Config, kekId: string): KeyEncryptionKey {
  const found = findInRing(loadKeyRing(config), kekId);
  if (found) return found;
  forgetLoadedKeys();
  const reloaded = findInRing(loadKeyRing(config), kekId);
  if (reloaded) return reloaded;
  throw new Error(`No key-encryption key with id ${kekId} is configured; add the earlier key to ENCRYPTION_KEYS_PREVIOUS or DATA_DIR/keys/previous.`);
}

export function forgetLoadedKeys(): void {
  rings.clear();
  forgetLoadedKeyEncryptionKeys();
}
