export { getOrCreateDataKey, loadDataKey, encryptValue, decryptValue, type DataKey, type KeyDeps } from './data-keys.service.ts';
export { loadKeyEncryptionKey, keyFilePath } from './key-encryption-key.ts';
export { loadKeyRing, forgetLoadedKeys, previousKeysDir, type KeyRing } from './key-ring.ts';
export { rotateKeyEncryptionKey, rewrapAllDataKeys, type RotationReport } from './key-rotation.service.ts';
export { deleteDataKeysOfCase } from './data-keys.repository.ts';
export { createFileCipher, createFileDecipher, fileHeaderLength, fileTagLength } from './envelope.ts';
