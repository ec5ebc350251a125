import { createCipheriv, createDecipheriv, createHash, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';

/**
 * Envelope encryption with AES-256-GCM: data is encrypted with a data key, the data key is stored only
 * wrapped by the key-encryption key. Formats carry a version tag so that they can change later.
 */
const algorithm = 'aes-256-gcm';
const ivLength = 12;
const tagLength = 16;

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

function seal(key: Buffer, plaintext: Buffer, associatedData?: string): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv(algorithm, key, iv);
  if (associatedData) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, sealed: Buffer, associatedData?: string): Buffer {
  if (sealed.length < ivLength + tagLength) throw new Error('sealed value is too short');
  const decipher = createDecipheriv(algorithm, key, sealed.subarray(0, ivLength));
  if (associatedData) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(sealed.subarray(ivLength, ivLength + tagLength));
  return Buffer.concat([decipher.update(sealed.subarray(ivLength + tagLength)), decipher.final()]);
}

/** The data key's own id is bound into the wrapping, so a wrapped key cannot be swapped for another row's. */
export function wrapDataKey(kek: Buffer, dataKey: Buffer, dataKeyId: string): string {
  return `k1:${seal(kek, dataKey, dataKeyId).toString('base64')}`;
}

export function unwrapDataKey(kek: Buffer, wrapped: string, dataKeyId: string): Buffer {
  if (!wrapped.startsWith('k1:')) throw new Error('unknown wrapped-key format');
  return open(kek, Buffer.from(wrapped.slice(3), 'base64'), dataKeyId);
}

/** A small value (an e-mail address, an exposed IBAN) encrypted for a text column. */
export function encryptValue(dataKey: Buffer, plaintext: string): string {
  return `v1:${seal(dataKey, Buffer.from(plaintext, 'utf8')).toString('base64')}`;
}

export function decryptValue(dataKey: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1:')) throw new Error('unknown encrypted-value format');
  return open(dataKey, Buffer.from(sealed.slice(3), 'base64')).toString('utf8');
}

/** Streaming file encryption: `BDF1` magic, IV, ciphertext, then the tag at the end. */
export const fileMagic = Buffer.from('BDF1', 'ascii');

export function createFileCipher(dataKey: Buffer): { header: Buffer; cipher: CipherGCM } {
  const iv = randomBytes(ivLength);
  return { header: Buffer.concat([fileMagic, iv]), cipher: createCipheriv(algorithm, dataKey, iv) };
}

export function createFileDecipher(dataKey: Buffer, header: Buffer): DecipherGCM {
  if (header.length !== fileMagic.length + ivLength || !header.subarray(0, fileMagic.length).equals(fileMagic)) {
    throw new Error('not an encrypted Breachdesk file');
  }
  return createDecipheriv(algorithm, dataKey, header.subarray(fileMagic.length));
}

export const fileHeaderLength = fileMagic.length + ivLength;
export const fileTagLength = tagLength;
