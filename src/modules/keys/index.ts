export { getOrCreateDataKey, loadDataKey, encryptValue, decryptValue, type DataKey, type KeyDeps } from './data-keys.service.ts';
export { loadKeyEncryptionKey, keyFilePath } from './key-encryption-key.ts';
export { createFileCipher, createFileDecipher, fileHeaderLength, fileTagLength } from './envelope.ts';
