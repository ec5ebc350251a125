import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/db-harness.ts';
import { buildOrganisation, buildTestApp, buildUser, signIn, type SignedIn, type TestApp } from '../../../test/factories.ts';
import { createWorker } from '../../jobs/index.ts';
import { customerPostcodeIdentifier, findAffectedByIdentifier } from '../affected-people/index.ts';
import { createCase } from '../cases/index.ts';
import { impactFactsForCase } from '../risk/index.ts';
import { analyseFileForCase } from './analyses.service.ts';

const PEOPLE = [
  'naam;email;telefoon;geboortedatum;postcode;notities',
  'Jan Jansen;jan@example.nl;06-12345678;17-05-1980;1011AB;',
  'Jan Jansen;JAN@EXAMPLE.NL;0612345678;17-05-1980;1011 AB;Belt terug',
  'Piet Jansen;piet@example.nl;+31 6 2222 3333;01-02-1940;1011AB;Klant heeft een bewindvoerder',
  'Anna de Vries;anna@example.nl;0687654321;03-04-2012;2511CD;',
  'Kees Bakker;kees@example.nl;0611112222;05-06-1970;2511CD;Betalingsregeling afgesproken',
].join('\n');

function multipart(name: string, content: string | Buffer, contentType = 'text/csv'): { headers: Record<string, string>; payload: Buffer } {
  const boundary = 'datasetboundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** The same rows as a Parquet file, written by DuckDB from the CSV text. */
async function peopleAsParquet(dir: string): Promise<Buffer> {
  const csv = path.join(dir, 'people-for-parquet.csv');
  const parquet = path.join(dir, 'people.parquet');
  await writeFile(csv, PEOPLE);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true, header = true, delim = ';')) TO '${parquet}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const bytes = await readFile(parquet);
  await rm(csv);
  await rm(parquet);
  return bytes;
}

describeOnDatabases('impact analyses on a case', (getDb) => {
  let t: TestApp;
  let dataDir: string;
  let analyst: SignedIn;
  let officer: SignedIn;
  let outsider: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    const { db } = getDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'breachdesk-analyses-'));
    t = await buildTestApp(getDb(), { env: { DATA_DIR: dataDir } });
    const orgId = (await buildOrganisation(db, { sector: 'telecom' })).id;
    analyst = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'security_analyst' })).email);
    officer = await signIn(t.app, (await buildUser(db, { org_id: orgId, role: 'privacy_officer' })).email);
    outsider = await signIn(t.app, (await buildUser(db, { org_id: (await buildOrganisation(db)).id, role: 'admin' })).email);
    caseId = (await createCase(t.ctx, orgId, { title: 'Customer export', awareAt: '2026-03-01T20:00:00.000Z' }, { label: 'test' })).id;
  });

  afterAll(async () => {
    await t.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (who: SignedIn, name: string, content: string | Buffer, id = caseId, contentType?: string) => {
    const body = multipart(name, content, contentType);
    return t.app.inject({ method: 'POST', url: `/api/cases/${id}/datasets`, headers: { ...who.headers, ...body.headers }, payload: body.payload });
  };
  const runJobs = () => createWorker(t.ctx).runDueJobs();

  it('analyses an uploaded dataset, stores the result and the people encrypted, and applies the figures to the facts', { timeout: 60_000 }, async () => {
    const { db } = getDb();
    const uploaded = await upload(analyst, 'export.csv', PEOPLE);
    expect(uploaded.statusCode).toBe(201);
    const analysisId = uploaded.json<{ id: string; status: string }>().id;
    expect(uploaded.json<{ status: string }>().status).toBe('queued');

    expect(await runJobs()).toBe(1);
    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${analysisId}`, headers: analyst.headers });
    expect(detail.statusCode).toBe(200);
    const analysis = detail.json<{ status: string; fraction: number; result: { totals: { dataRows: number; persons: number }; columns: Array<{ header: string; category: string | null; maskedExamples: string[] }> } }>();
    expect(analysis.status).toBe('completed');
    expect(analysis.fraction).toBe(1);
    expect(analysis.result.totals).toMatchObject({ dataRows: 5, persons: 4 });
    expect(analysis.result.columns.find((c) => c.header === 'email')?.category).toBe('email');
    expect(JSON.stringify(analysis.result)).not.toContain('jan@example.nl');

    // The raw database holds no contact detail in the clear, and the plaintext dataset is gone from disk.
    const people = await db.selectFrom('affected_people').selectAll().where('case_id', '=', caseId).execute();
    expect(people).toHaveLength(4);
    expect(JSON.stringify(people)).not.toContain('example.nl');
    expect(await readdir(path.join(dataDir, 'tmp'))).toEqual([]);

    const masked = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/affected-people?limit=10`, headers: analyst.headers });
    expect(masked.statusCode).toBe(200);
    const maskedBody = masked.json<{ people: Array<{ masked: boolean; contact: { email: string | null } }> }>();
    expect(maskedBody.people).toHaveLength(4);
    expect(maskedBody.people.every((p) => p.masked && !p.contact.email?.startsWith('jan@'))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/affected-people?unmasked=true`, headers: analyst.headers })).statusCode).toBe(404);
    const unmasked = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/affected-people?unmasked=true&limit=10`, headers: officer.headers });
    expect(unmasked.json<{ people: Array<{ contact: { email: string | null } }> }>().people.map((p) => p.contact.email)).toContain('jan@example.nl');
    const audited = await db.selectFrom('audit_events').select('action').where('action', '=', 'affected_people.read').execute();
    expect(audited).toHaveLength(1);

    const applied = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/analyses/${analysisId}/apply`, headers: analyst.headers });
    expect(applied.statusCode).toBe(200);
    const row = await db.selectFrom('cases').select(['facts', 'fact_sources']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const facts = JSON.parse(row.facts) as { data: { categories: string[]; subjects: { min: number; max: number }; records: number; vulnerable: string[] } };
    expect(facts.data.subjects).toEqual({ min: 4, max: 4 });
    expect(facts.data.records).toBe(5);
    expect(facts.data.categories).toEqual(expect.arrayContaining(['email', 'phone', 'name', 'birth_date', 'address']));
    expect(facts.data.vulnerable).toEqual(expect.arrayContaining(['minors', 'elderly', 'financial_administration']));
    expect(JSON.parse(row.fact_sources)['data.subjects']).toMatchObject({ source: 'analysis', analysisId });
    expect(await impactFactsForCase(db, caseId)).toMatchObject({ subjects: { min: 4, max: 4 }, records: 5 });
  });

  it('re-runs with a corrected column as a new analysis that replaces the people of the earlier run', { timeout: 60_000 }, async () => {
    const { db } = getDb();
    const list = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses`, headers: analyst.headers });
    const first = list.json<{ analyses: Array<{ id: string }> }>().analyses[0]!;
    const rerun = await t.app.inject({ method: 'PUT', url: `/api/cases/${caseId}/analyses/${first.id}/columns`, headers: analyst.headers, payload: { overrides: { notities: null } } });
    expect(rerun.statusCode).toBe(201);
    const second = rerun.json<{ id: string; columnOverrides: Record<string, string | null> }>();
    expect(second.columnOverrides).toEqual({ notities: null });
    expect(await runJobs()).toBe(1);
    const sources = await db.selectFrom('affected_people').select('source_id').distinct().where('case_id', '=', caseId).execute();
    expect(sources.map((s) => s.source_id)).toEqual([second.id]);
  });

  it('reports rows that could not be read with their line numbers, without failing the analysis', { timeout: 60_000 }, async () => {
    const uploaded = await upload(analyst, 'broken.jsonl', '{"email": "x@example.nl"\n{{{ not json at all\n');
    expect(uploaded.statusCode).toBe(201);
    await runJobs();
    const id = uploaded.json<{ id: string }>().id;
    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${id}`, headers: analyst.headers });
    expect(detail.json<{ status: string; result: { totals: { unreadableRows: number } } }>()).toMatchObject({ status: 'completed', result: { totals: { unreadableRows: 2 } } });
    const csv = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${id}/unreadable.csv`, headers: analyst.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n').slice(0, 3)).toEqual(['line,reason', '1,not a JSON object', '2,not a JSON object']);
  });

  it('leaves the case as it was when an analysis fails or is cancelled', { timeout: 60_000 }, async () => {
    const { db } = getDb();
    const before = await db.selectFrom('affected_people').select('id').where('case_id', '=', caseId).execute();
    const tampered = await upload(analyst, 'tampered.csv', PEOPLE);
    const tamperedId = tampered.json<{ id: string }>().id;
    // A changed byte in the stored ciphertext fails the authentication tag while the dataset is decrypted.
    const file = await db.selectFrom('analyses as a').innerJoin('files as f', 'f.id', 'a.file_id').select('f.storage_key').where('a.id', '=', tamperedId).executeTakeFirstOrThrow();
    const stored = path.join(dataDir, 'files', file.storage_key);
    const bytes = await readFile(stored);
    bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    await writeFile(stored, bytes);
    await runJobs();
    const failed = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${tamperedId}`, headers: analyst.headers });
    expect(failed.json<{ status: string; result: unknown; error: string | null }>()).toMatchObject({ status: 'failed', result: null, error: expect.any(String) });

    const queued = await upload(analyst, 'again.csv', PEOPLE);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/analyses/${queued.json<{ id: string }>().id}/cancel`, headers: analyst.headers });
    expect(cancel.json<{ status: string }>().status).toBe('cancelled');
    await runJobs();
    const after = await db.selectFrom('affected_people').select('id').where('case_id', '=', caseId).execute();
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(await readdir(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('stores an analysis of a file given on the command line on the case, with its people', { timeout: 60_000 }, async () => {
    const { db } = getDb();
    const file = path.join(dataDir, 'cli-export.csv');
    await writeFile(file, PEOPLE);
    const analysis = await analyseFileForCase(t.ctx, { caseId, path: file });
    expect(analysis).toMatchObject({ status: 'completed', fileName: 'cli-export.csv', result: { totals: { persons: 4 } } });
    expect(await db.selectFrom('affected_people').select('id').where('source_id', '=', analysis.id).execute()).toHaveLength(4);
    await expect(analyseFileForCase(t.ctx, { caseId: 'no-such-case', path: file })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps each person\'s customer number with the postcode, so the public page can find them by both', { timeout: 60_000 }, async () => {
    const { db } = getDb();
    const orgId = (await db.selectFrom('cases').select('org_id').where('id', '=', caseId).executeTakeFirstOrThrow()).org_id;
    const customerCase = (await createCase(t.ctx, orgId, { title: 'Customer numbers', awareAt: '2026-03-01T20:00:00.000Z' }, { label: 'test' })).id;
    const file = path.join(dataDir, 'with-customer-numbers.csv');
    await writeFile(
      file,
      ['klantnummer;naam;email;postcode', 'K100234;Jan Jansen;jan@example.nl;1011 AB', 'K100235;Anna de Vries;anna@example.nl;2511CD', 'K100236;Kees Bakker;kees@example.nl;2511CD'].join('\n'),
    );
    const analysis = await analyseFileForCase(t.ctx, { caseId: customerCase, path: file });
    expect(JSON.stringify(analysis.result)).toContain('"category":"customer_id"');
    const ref = { orgId, caseId: customerCase };
    const found = await findAffectedByIdentifier(db, t.ctx, ref, [{ kind: 'customer_postcode', value: customerPostcodeIdentifier('K100234', '1011AB')! }]);
    expect(found.map((p) => p.contact.email)).toEqual(['jan@example.nl']);
    expect(found[0]!.contact).toMatchObject({ customerNumber: expect.stringContaining('100234'), postcode: expect.stringMatching(/^1011 ?AB$/) });
    // The number alone, or with another person's postcode, finds nobody.
    expect(await findAffectedByIdentifier(db, t.ctx, ref, [{ kind: 'customer_postcode', value: customerPostcodeIdentifier('K100234', '2511CD')! }])).toEqual([]);
  });

  it('answers another organisation and an unknown analysis as absent', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses`, headers: analyst.headers });
    const someId = list.json<{ analyses: Array<{ id: string }> }>().analyses[0]!.id;
    expect((await upload(outsider, 'export.csv', PEOPLE)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${someId}`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/analyses/${someId}/apply`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/affected-people`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/nope`, headers: analyst.headers })).statusCode).toBe(404);
  });
  it('analyses an uploaded Parquet file to the same summary as the CSV of the same rows, and refuses a file that only pretends to be Parquet', { timeout: 60_000 }, async () => {
    type Detail = { status: string; format: string; result: { totals: Record<string, unknown>; columns: Array<Record<string, unknown>> } };
    const analysed = async (name: string, content: string | Buffer, contentType?: string): Promise<Detail> => {
      const uploaded = await upload(analyst, name, content, caseId, contentType);
      expect(uploaded.statusCode).toBe(201);
      await runJobs();
      const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/analyses/${uploaded.json<{ id: string }>().id}`, headers: analyst.headers });
      return detail.json<Detail>();
    };
    const fromCsv = await analysed('same-rows.csv', PEOPLE);
    const fromParquet = await analysed('same-rows.parquet', await peopleAsParquet(dataDir), 'application/octet-stream');
    expect(fromParquet.status).toBe('completed');
    expect(fromParquet.format).toBe('parquet');
    expect(fromParquet.result.totals).toEqual(fromCsv.result.totals);
    expect(fromParquet.result.totals).toMatchObject({ dataRows: 5, persons: 4 });
    const categories = (d: Detail) => d.result.columns.map((c) => [c.header, c.category, c.nonEmpty, c.validationRate]);
    expect(categories(fromParquet)).toEqual(categories(fromCsv));

    const typedOnly = await analysed('export-without-extension', await peopleAsParquet(dataDir), 'application/vnd.apache.parquet');
    expect(typedOnly).toMatchObject({ status: 'completed', format: 'parquet', result: { totals: { persons: 4 } } });

    const { db } = getDb();
    const filesBefore = await db.selectFrom('files').select('id').execute();
    const renamed = await upload(analyst, 'renamed.parquet', PEOPLE, caseId, 'application/octet-stream');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json<{ error: { message: string; issues: Array<{ field: string }> } }>().error).toMatchObject({
      message: expect.stringContaining('PAR1'),
      issues: [{ field: 'file' }],
    });
    expect(await db.selectFrom('files').select('id').execute()).toHaveLength(filesBefore.length);
  });
});
