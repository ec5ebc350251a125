import { createHash } from 'node:crypto';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { createLocalFileStorage, type FileStorage } from '../../adapters/file-storage/local-file-storage.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import type { Clock } from '../../shared/time.ts';
import { createFileCipher, createFileDecipher, fileHeaderLength, fileTagLength, getOrCreateDataKey, loadDataKey } from '../keys/index.ts';
import { findFileOfOrg, insertFile, type FileRow } from './files.repository.ts';

export interface FileDeps {
  config: Config;
  clock: Clock;
}

export interface FileView {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

export function toFileView(row: FileRow): FileView {
  return { id: row.id, name: row.name, contentType: row.content_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256, createdAt: row.created_at };
}

const storages = new Map<string, FileStorage>();
export function fileStorageFor(config: Config): FileStorage {
  const root = path.resolve(config.DATA_DIR, 'files');
  let storage = storages.get(root);
  if (!storage) {
    storage = createLocalFileStorage(root);
    storages.set(root, storage);
  }
  return storage;
}

/** Accepted attachment types: documents, images, text, archives and data exports; never HTML or scripts. */
export const allowedContentTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/json',
  'application/zip',
  'application/vnd.apache.parquet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/msword',
  'message/rfc822',
  'application/vnd.ms-outlook',
]);

export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 200);
  return cleaned || 'file';
}

export interface StoreFileInput {
  orgId: string;
  caseId: string | null;
  reportId: string | null;
  name: string;
  contentType: string;
  uploadedBy: string | null;
  source: Readable;
}

/**
 * Encrypts a file under its case's data key while it streams to disk, hashing the plaintext (SHA-256) on
 * the way, then records it in the same transaction as the caller's change. A file over the size limit is
 * rejected and nothing stays behind.
 */
export async function storeFile(db: DbOrTx, deps: FileDeps, input: StoreFileInput): Promise<FileRow> {
  if (!allowedContentTypes.has(input.contentType)) {
    throw new AppError('validation_failed', `Files of type ${input.contentType} are not accepted.`, { issues: [{ field: 'file', message: 'this file type is not accepted' }] });
  }
  const dataKey = await getOrCreateDataKey(db, deps, input.orgId, input.caseId);
  const id = newId();
  const storageKey = `${input.orgId}/${id}.bin`;
  const hash = createHash('sha256');
  let size = 0;
  const limit = deps.config.MAX_UPLOAD_BYTES;
  const { header, cipher } = createFileCipher(dataKey.key);
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(new AppError('payload_too_large', `The file is larger than ${Math.floor(limit / 1024 / 1024)} MB.`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // Layout on disk: header (magic + IV), ciphertext, then the GCM tag, known only after the last byte.
  let headerSent = false;
  const encrypt = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const out = cipher.update(chunk);
      if (headerSent) return callback(null, out);
      headerSent = true;
      callback(null, Buffer.concat([header, out]));
    },
    flush(callback) {
      callback(null, Buffer.concat([headerSent ? Buffer.alloc(0) : header, cipher.final(), cipher.getAuthTag()]));
    },
  });
  await fileStorageFor(deps.config).write(storageKey, input.source, [measure, encrypt]);
  const row: FileRow = {
    id,
    org_id: input.orgId,
    case_id: input.caseId,
    report_id: input.reportId,
    name: safeFileName(input.name),
    content_type: input.contentType,
    size_bytes: size,
    sha256: hash.digest('hex'),
    storage_key: storageKey,
    data_key_id: dataKey.id,
    uploaded_by: input.uploadedBy,
    created_at: deps.clock.now().toISOString(),
  };
  try {
    await insertFile(db, row);
  } catch (error) {
    await fileStorageFor(deps.config).remove(storageKey);
    throw error;
  }
  return row;
}

/**
 * Opens a stored file for reading as plaintext. The authentication tag is checked at the end of the
 * stream: a changed file ends the stream with an error rather than handing out altered content.
 */
export async function openFile(db: DbOrTx, deps: Pick<FileDeps, 'config'>, orgId: string, fileId: string): Promise<{ file: FileRow; stream: Readable }> {
  const file = await findFileOfOrg(db, orgId, fileId);
  if (!file) throw notFound('file');
  const storage = fileStorageFor(deps.config);
  const dataKey = await loadDataKey(db, deps, file.data_key_id);
  const total = await storage.size(file.storage_key);
  const header = await readRange(storage, file.storage_key, 0, fileHeaderLength - 1);
  const tag = await readRange(storage, file.storage_key, total - fileTagLength, total - 1);
  const decipher = createFileDecipher(dataKey.key, header);
  decipher.setAuthTag(tag);
  const body = total - fileTagLength - 1 >= fileHeaderLength ? storage.openRead(file.storage_key, { start: fileHeaderLength, end: total - fileTagLength - 1 }) : emptyStream();
  const stream = body.pipe(decipher);
  body.on('error', (error) => stream.destroy(error));
  return { file, stream };
}

async function readRange(storage: FileStorage, key: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.openRead(key, { start, end })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function emptyStream(): Readable {
  const stream = new PassThrough();
  stream.end();
  return stream;
}
