import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Transform } from 'node:stream';

/** Stored files live under one folder, by key; a write lands under a temporary name and is renamed once whole. */
export interface FileStorage {
  write(key: string, source: Readable, transforms: Transform[]): Promise<void>;
  openRead(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
  /** The absolute path, for tests that must look at what is really on disk. */
  locate(key: string): string;
}

export function createLocalFileStorage(root: string): FileStorage {
  const locate = (key: string) => {
    if (!/^[a-z0-9][a-z0-9/-]*\.bin$/.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key);
  };
  return {
    locate,
    async write(key, source, transforms) {
      const target = locate(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.partial-${process.pid}-${Date.now()}`;
      try {
        await pipeline([source, ...transforms, fs.createWriteStream(temporary, { mode: 0o600 })]);
        await fs.promises.rename(temporary, target);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
    },
    openRead(key, range) {
      return fs.createReadStream(locate(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      return (await fs.promises.stat(locate(key))).size;
    },
    async remove(key) {
      await fs.promises.rm(locate(key), { force: true });
    },
  };
}
