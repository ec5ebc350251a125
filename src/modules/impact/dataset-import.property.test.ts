import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { analyseDataset } from './analyse-dataset.service.ts';
import { detectTextEncoding, inspectDatasetFile, transcodeToUtf8 } from './dataset-file.ts';
import { DatasetRepository, jsonColumnNames } from './dataset.repository.ts';

const referenceDate = new Date('2026-11-24T00:00:00Z');
let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'impact-property-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Outcome = { ok: true; dataRows: number; unreadableRows: number } | { ok: false; message: string };

/** Turns what the import throws into an outcome: a validation error with a message is a refusal, anything else a crash. */
function refusal(error: unknown): Outcome {
  if (!isAppError(error) || error.code !== 'validation_failed') throw error;
  expect(error.message).toMatch(/^Cannot analyse /);
  return { ok: false, message: error.message };
}

/**
 * The reading phase of an analysis, the part that meets the raw upload: sniffing, encoding, transcoding and
 * loading into DuckDB with rejected rows kept. The later phases work on the loaded table only; a full
 * analysis per run would take seconds, so the full path is checked on the hardest cases below instead.
 */
async function readUpload(extension: string, content: Uint8Array | string): Promise<Outcome> {
  counter += 1;
  const work = join(dir, `run-${counter}`);
  await mkdir(join(work, 'spill'), { recursive: true });
  const path = join(work, `upload${extension}`);
  await writeFile(path, content);
  let repo: DatasetRepository | null = null;
  try {
    const file = await inspectDatasetFile(path);
    let readPath = path;
    if (file.format !== 'parquet' && (await detectTextEncoding(path)) === 'windows-1252') {
      readPath = join(work, 'utf8.txt');
      await transcodeToUtf8(path, readPath);
    }
    repo = await DatasetRepository.open(':memory:', { threads: 1, tempDirectory: join(work, 'spill') });
    try {
      if (file.format === 'csv') await repo.loadCsv(readPath, file.delimiter ?? ',');
      else if (file.format === 'jsonl') await repo.loadJsonLines(readPath);
      else await repo.loadParquet(readPath);
    } catch (error) {
      // As analyseDataset does: a file DuckDB cannot read at all is refused with its reason.
      throw new AppError('validation_failed', `Cannot analyse ${path}: ${(error as Error).message}`, { cause: error });
    }
    return { ok: true, dataRows: await repo.countRows(), unreadableRows: await repo.countRejects() };
  } catch (error) {
    return refusal(error);
  } finally {
    repo?.close();
    await rm(work, { recursive: true, force: true });
  }
}
function expectCounted(outcome: Outcome): void {
  if (!outcome.ok) return;
  expect(outcome.dataRows).toBeGreaterThanOrEqual(0);
  expect(outcome.unreadableRows).toBeGreaterThanOrEqual(0);
}

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('"', '""', '"open', 'a"b', ';', ',', '\t', '\r\n', '\n', 'jan@example.nl', '06-12345678', 'NL91ABNA0417164300', 'é', 'ß', '\u00a0', '\ufeff'),
);
const delimiter = fc.constantFrom(';', ',', '\t', '|');
const csvText = fc
  .tuple(delimiter, fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([sep, rows, newline]) => rows.map((row) => row.join(sep)).join(newline));

const jsonLine = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 5 }).map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{"email": "jan@example.nl"', '{"a":1}{"b":2}', '[1,2]', '', '   ', '{"\\ud800": 1}', '{"email":"jan@example.nl","email":"dubbel@example.nl"}'),
);
const jsonLines = fc.tuple(fc.array(jsonLine, { maxLength: 15 }), fc.constantFrom('\n', '\r\n')).map(([lines, newline]) => lines.join(newline));

/** The text as a Windows-1252 export would hold it (characters outside Latin-1 become "?"), or as UTF-8. */
const encoded = (text: string, encoding: 'utf-8' | 'latin1' | 'utf-8-bom') =>
  encoding === 'latin1' ? Buffer.from(text.replace(/[^\u0001-\u00ff]/g, '?'), 'latin1') : Buffer.concat([Buffer.from(encoding === 'utf-8-bom' ? '\ufeff' : ''), Buffer.from(text, 'utf8')]);
const encoding = fc.constantFrom('utf-8' as const, 'latin1' as const, 'utf-8-bom' as const);

const runs = { numRuns: 100 };

describe('dataset import under arbitrary input', { timeout: 300_000 }, () => {
  it('arbitrary bytes: counted rows or a clear refusal, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), fc.constantFrom('.csv', '.jsonl', '.txt', '.parquet'), async (bytes, extension) => {
        expectCounted(await readUpload(extension, bytes));
      }),
      runs,
    );
  });

  it('CSV with broken quoting, stray delimiters and either encoding: every line read or counted as unreadable, or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, encoding, async (text, enc) => {
        const outcome = await readUpload('.csv', encoded(text, enc));
        expectCounted(outcome);
        // A refusal is only for a file with nothing to read.
        if (!outcome.ok) expect(text.replace(/[\s\ufeff]/g, ''), outcome.message).toBe('');
      }),
      runs,
    );
  });

  it('JSON Lines with broken, empty and non-object lines: broken lines are counted, never fatal', async () => {
    await fc.assert(
      fc.asyncProperty(jsonLines, encoding, async (text, enc) => {
        const outcome = await readUpload('.jsonl', encoded(text, enc));
        expectCounted(outcome);
        if (!outcome.ok) expect(text.replace(/[\s\ufeff]/g, ''), outcome.message).toBe('');
      }),
      runs,
    );
  });
});

describe('full analysis of hostile uploads', { timeout: 120_000 }, () => {
  async function analyse(name: string, content: string | Buffer) {
    counter += 1;
    const path = join(dir, `${counter}-${name}`);
    await writeFile(path, content);
    try {
      return await analyseDataset({ path, referenceDate, outputDir: join(dir, `${counter}-out`) });
    } finally {
      await rm(path, { force: true });
      await rm(join(dir, `${counter}-out`), { recursive: true, force: true });
    }
  }
  const refusalOf = (name: string, content: string | Buffer) =>
    analyse(name, content).then(
      () => undefined,
      (error: unknown) => refusal(error),
    );

  it('refuses an empty file and a binary file with a reason', async () => {
    expect(await refusalOf('empty.csv', '')).toMatchObject({ message: expect.stringContaining('empty') });
    expect(await refusalOf('blob.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]))).toMatchObject({ message: expect.stringContaining('binary') });
  });

  it('gives JSON keys that differ only in case a column of their own', () => {
    expect(jsonColumnNames(['Email', 'email', 'EMAIL', 'naam'])).toEqual(['Email', 'email (2)', 'EMAIL (3)', 'naam']);
  });

  it('reads lines with mixed line endings in a file that starts like JSON Lines', async () => {
    const outcome = await readUpload('.csv', '{;"\n\r\n;\n"');
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  });

  it('counts a line with an unclosed quote as unreadable and reads the others', async () => {
    const result = await analyse('quotes.csv', 'naam;email\nJan;jan@example.nl\n"Piet;piet@example.nl\nKees;kees@example.nl\n');
    expect(result.totals.rows).toBe(result.totals.dataRows + result.totals.unreadableRows);
    expect(result.totals.dataRows + result.totals.unreadableRows).toBeGreaterThanOrEqual(1);
  });

  it('reads a Windows-1252 export and a 3 MB line without crashing', async () => {
    const latin = await analyse('latin.csv', Buffer.from('naam;plaats\nJosé;Zürich\nRené;Gießen\n', 'latin1'));
    expect(latin.file.encoding).toBe('windows-1252');
    expect(latin.totals.dataRows).toBe(2);
    const huge = await analyse('huge.csv', `naam;notities\nJan;${'x'.repeat(3 * 1024 * 1024)}\nPiet;kort\n`).then(
      (result): Outcome => {
        expect(result.totals.rows).toBe(result.totals.dataRows + result.totals.unreadableRows);
        return { ok: true, dataRows: result.totals.dataRows, unreadableRows: result.totals.unreadableRows };
      },
      (error: unknown) => refusal(error),
    );
    if (!huge.ok) expect(huge.message).toMatch(/line|size/i);
    else expect(huge.dataRows + huge.unreadableRows).toBe(2);
  });
});
