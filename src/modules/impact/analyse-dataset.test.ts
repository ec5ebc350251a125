import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAgainstTruth } from '../../../bench/evaluate-against-truth.ts';
import { generateTelecomExport } from '../../../scripts/generate-telecom-export.ts';
import { analyseDataset } from './analyse-dataset.service.ts';
import type { AnalyseDatasetInput } from './analysis.types.ts';

const referenceDate = new Date('2026-11-24T00:00:00Z');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'impact-analysis-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function analyse(name: string, content: string | Buffer, extra: Partial<AnalyseDatasetInput> = {}) {
  const path = join(dir, name);
  await writeFile(path, content);
  return analyseDataset({ path, referenceDate, outputDir: join(dir, `${name}-out`), ...extra });
}

async function affectedRows(path: string): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trim().split('\n');
  const keys = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v.replace(/^"|"$/g, '')])));
}

const PEOPLE = [
  'naam;email;telefoon;geboortedatum;postcode;iban;notities',
  'Jan Jansen;jan@example.nl;06-12345678;17-05-1980;1011AB;NL91ABNA0417164300;',
  'Jan Jansen;JAN@EXAMPLE.NL;0201234567;17-05-1980;1011 AB;;"Belt terug,\nna vijven"',
  'Piet Jansen;fam.jansen@example.nl;+31 6 2222 3333;01-02-1940;1011AB;;Klant heeft een bewindvoerder',
  'Anna Jansen;fam.jansen@example.nl;0201234567;03-04-2012;1011AB;;',
  'Kees Bakker;kees@example.nl;0612345678;05-06-1970;2511CD;;Betalingsregeling afgesproken',
].join('\n');

describe('analyseDataset', { timeout: 60_000 }, () => {
  it('links by normalised e-mail and mobile, keeps family e-mails and household landlines apart, and flags vulnerable people', async () => {
    const result = await analyse('people.csv', PEOPLE);
    expect(result.file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(result.totals.dataRows).toBe(5);
    // Jan's two rows are one person; the family e-mail and the mobile that Jan and Kees both give link nobody.
    expect(result.totals.persons).toBe(4);
    expect(result.totals.uncertainMerges).toBe(0);
    expect(result.totals.linkRules.find((r) => r.rule === 'email')).toMatchObject({ linkingKeys: 1, sharedKeysNotUsed: 1 });
    expect(result.totals.linkRules.find((r) => r.rule === 'mobile_phone')).toMatchObject({ linkingKeys: 0, sharedKeysNotUsed: 1 });
    expect(result.totals.vulnerable).toMatchObject({ minors: 1, aged80Plus: 1, financialAdministration: 1, paymentArrangement: 1 });
    const rows = await affectedRows(result.affectedPeople.path);
    expect(rows.map((r) => r.email)).toEqual(['jan@example.nl', 'fam.jansen@example.nl', 'fam.jansen@example.nl', 'kees@example.nl']);
    expect(rows[0]?.mobile_e164).toBe('+31612345678');
    expect(rows[1]?.vulnerable).toContain('aged_80_plus');
    expect(rows[1]?.vulnerable).toContain('financial_administration');
    expect(rows[2]?.vulnerable).toBe('minor');
    expect(rows[3]?.vulnerable).toBe('payment_arrangement');
  });

  it('reads comma- and tab-separated files and quoted fields with line breaks', async () => {
    const comma = await analyse('comma.csv', 'email,naam\n"a@example.nl","Jan\nJansen"\nb@example.nl,Piet\n');
    expect(comma.file.delimiter).toBe(',');
    expect(comma.totals.dataRows).toBe(2);
    const tab = await analyse('tab.tsv', 'email\tnaam\na@example.nl\tJan\n');
    expect(tab.file.delimiter).toBe('\t');
    expect(tab.columns.map((c) => c.category)).toEqual(['email', 'name']);
  });

  it('transcodes a Windows-1252 file and keeps its accents', async () => {
    const latin1 = Buffer.from('naam;email\nRenée Çelik;renee@example.nl\n', 'latin1');
    const result = await analyse('latin1.csv', latin1);
    expect(result.file.encoding).toBe('windows-1252');
    const rows = await affectedRows(result.affectedPeople.path);
    expect(rows[0]?.name).toBe('Renée Çelik');
  });

  it('counts malformed rows with their line numbers and reads the rest', async () => {
    const result = await analyse('malformed.csv', 'naam;email\nJan;jan@example.nl\nPiet;piet@example.nl;extra;veld\nKees;kees@example.nl\n');
    expect(result.totals.dataRows).toBe(2);
    expect(result.totals.unreadableRows).toBe(1);
    expect(result.totals.unreadable[0]?.line).toBe(3);
  });

  it('reads JSON Lines, reporting a broken line by number', async () => {
    const result = await analyse('people.jsonl', '{"email":"a@example.nl","naam":"Jan"}\n{"email":\n{"email":"b@example.nl","naam":"Piet"}\n');
    expect(result.file.format).toBe('jsonl');
    expect(result.totals.dataRows).toBe(2);
    expect(result.totals.unreadable).toEqual([{ line: 2, reason: 'not a JSON object' }]);
  });

  it('reads Parquet', async () => {
    const path = join(dir, 'people.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'a@example.nl' AS email, 'NL91ABNA0417164300' AS iban) TO '${path}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const result = await analyseDataset({ path, referenceDate, outputDir: join(dir, 'parquet-out') });
    expect(result.file.format).toBe('parquet');
    expect(result.totals.personsPerCategory).toMatchObject({ email: 1, iban: 1 });
  });

  it('refuses an empty file and a binary file with an error that names the problem', async () => {
    await expect(analyse('empty.csv', '')).rejects.toThrow(/empty/);
    await expect(analyse('binary.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]))).rejects.toThrow(/binary data/);
  });

  it('leaves nothing behind when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const outputDir = join(dir, 'cancelled-out');
    await expect(analyse('cancelled.csv', PEOPLE, { signal: controller.signal, outputDir })).rejects.toThrow();
    await expect(readdir(outputDir)).rejects.toThrow();
  });

  it('finds validated identifiers and persons in a generated export with precision and recall of at least 0.99', async () => {
    const path = join(dir, 'telecom.csv');
    const truth = await generateTelecomExport({ rows: 20_000, seed: 11, path });
    const result = await analyseDataset({ path, referenceDate, outputDir: join(dir, 'telecom-out'), writeRecordPersons: true });
    expect(result.totals.unreadableRows).toBe(truth.malformedRows);
    const evaluation = await evaluateAgainstTruth(path, result.recordPersonsPath as string);
    for (const category of ['bsn', 'iban', 'email', 'phone'] as const) {
      expect(evaluation.categories[category]?.precision).toBeGreaterThanOrEqual(0.99);
      expect(evaluation.categories[category]?.recall).toBeGreaterThanOrEqual(0.99);
    }
    expect(evaluation.persons.pairPrecision).toBeGreaterThanOrEqual(0.99);
    expect(evaluation.persons.pairRecall).toBeGreaterThanOrEqual(0.99);
    expect(Math.abs(result.totals.persons - truth.persons) / truth.persons).toBeLessThan(0.01);
  }, 180_000);
});
