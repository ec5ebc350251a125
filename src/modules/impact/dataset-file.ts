import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/app-error.ts';
import type { DatasetFormat, TextEncoding } from './analysis.types.ts';

const SNIFF_BYTES = 64 * 1024;
const PARQUET_MAGIC = 'PAR1';

export interface DatasetFile {
  path: string;
  bytes: number;
  format: DatasetFormat;
  /** For delimited text: the delimiter that splits the header line into the most fields. */
  delimiter: string | null;
}

const DELIMITERS = [';', ',', '\t', '|'];

/** The header line decides: exports put no delimiter inside a header name. */
export function detectDelimiter(head: string): string {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function unreadable(path: string, problem: string, cause?: unknown): AppError {
  return new AppError('validation_failed', `Cannot analyse ${path}: ${problem}`, { cause });
}

/** Reads the start of the file to tell Parquet, JSON Lines and delimited text apart, and to refuse binary files. */
export async function inspectDatasetFile(path: string, format?: DatasetFormat): Promise<DatasetFile> {
  let bytes: number;
  let head: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadable(path, 'it is not a file.');
    bytes = info.size;
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, bytes));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(path, error instanceof Error ? error.message : String(error), error);
  }
  if (bytes === 0) throw unreadable(path, 'the file is empty (no header and no rows).');
  if (head.subarray(0, 4).toString('latin1') === PARQUET_MAGIC) return { path, bytes, format: 'parquet', delimiter: null };
  if (format === 'parquet') throw unreadable(path, 'it does not start with the Parquet signature (PAR1).');
  if (head.includes(0)) {
    throw unreadable(path, 'it contains binary data; expected CSV/TSV text (UTF-8 or Windows-1252), JSON Lines or Parquet.');
  }
  const text = head.toString('latin1');
  const extension = extname(path).toLowerCase();
  if (extension === '.parquet') throw unreadable(path, 'it has a .parquet name but no Parquet signature.');
  const detected = format ?? (extension === '.jsonl' || extension === '.ndjson' || text.trimStart().startsWith('{') ? 'jsonl' : 'csv');
  return { path, bytes, format: detected, delimiter: detected === 'csv' ? detectDelimiter(text) : null };
}

/**
 * Passes a Parquet upload through unchanged once its first four bytes are the Parquet signature, and
 * fails the stream otherwise: a renamed CSV or a document must not be stored as a dataset.
 */
export function requireParquetSignature(): Transform {
  let head: Buffer = Buffer.alloc(0);
  let checked = false;
  const notParquet = () =>
    new AppError('validation_failed', 'The file is named or typed as Parquet but does not start with the Parquet signature (PAR1).', {
      issues: [{ field: 'file', message: 'not a Parquet file' }],
    });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (checked) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < PARQUET_MAGIC.length) return callback();
      if (head.subarray(0, PARQUET_MAGIC.length).toString('latin1') !== PARQUET_MAGIC) return callback(notParquet());
      checked = true;
      const first = head;
      head = Buffer.alloc(0);
      callback(null, first);
    },
    flush(callback) {
      callback(checked ? null : notParquet());
    },
  });
}

/** How many bytes at the end of a chunk may start a UTF-8 sequence the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back += 1) {
    const byte = chunk[chunk.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0x80) return 0;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Tells UTF-8 from Windows-1252 over the whole file: Latin-1 bytes can appear first on the millionth
 * row, so a sample of the head is not enough. Any byte sequence is valid Windows-1252.
 */
export async function detectTextEncoding(path: string, signal?: AbortSignal): Promise<TextEncoding> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const data of createReadStream(path, { highWaterMark: 1 << 20, signal })) {
    const chunk = carry.length > 0 ? Buffer.concat([carry, data as Buffer]) : (data as Buffer);
    const tail = incompleteTail(chunk);
    if (!isUtf8(chunk.subarray(0, chunk.length - tail))) return 'windows-1252';
    carry = Buffer.from(chunk.subarray(chunk.length - tail));
  }
  return carry.length === 0 || isUtf8(carry) ? 'utf-8' : 'windows-1252';
}

/** Streams a Windows-1252 file into UTF-8, because DuckDB reads UTF-8 text only. */
export async function transcodeToUtf8(source: string, target: string, signal?: AbortSignal): Promise<void> {
  const decoder = new TextDecoder('windows-1252');
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(callback) {
      callback(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  await pipeline(createReadStream(source, { highWaterMark: 1 << 20 }), toUtf8, createWriteStream(target), { signal });
}
