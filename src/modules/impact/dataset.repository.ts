import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AffectedSet, SetRules, UnreadableRow } from './analysis.types.ts';
import {
  categorySql,
  cleanValueSql,
  dutchMobileSql,
  sqlIdentifier,
  sqlString,
  vatHoldsBsnSql,
  type CategorySqlOptions,
} from './recognizer-sql.repository.ts';
import {
  PERSONAL_DATA_CATEGORIES,
  SPECIAL_CATEGORY_SQL_PATTERNS,
  SPECIAL_CATEGORY_TERMS,
  sqlPatternFor,
  VULNERABILITY_SQL_PATTERNS,
  VULNERABILITY_TERMS,
  type PersonalDataCategory,
} from './recognizers/index.ts';

/** A column of the loaded table and the category the analysis gave it. */
export interface ColumnSpec {
  index: number;
  header: string;
  category: PersonalDataCategory | null;
}

/** A brand rule with its column found: the column's values (optionally renamed), or one brand for every row. */
export type ResolvedBrandRule = { columnIndex: number; values?: Record<string, string> } | { constant: string } | null;
export type ResolvedSetRules = SetRules & { columnIndex?: number };

export interface ColumnCounts {
  nonEmpty: number;
  matched: number;
  valid: number;
}

export interface LinkEdges {
  record: Int32Array;
  anchor: Int32Array;
  strong: Uint8Array;
  count: number;
}

export interface KeyRuleCounts {
  rule: string;
  linkingKeys: number;
  sharedKeysNotUsed: number;
}

export const VULNERABILITY_GROUPS = Object.keys(VULNERABILITY_SQL_PATTERNS);
export const SPECIAL_GROUPS = Object.keys(SPECIAL_CATEGORY_SQL_PATTERNS);
/** Records that disagree on birth date or name; min/max instead of count(DISTINCT), which is slow over millions of groups. */
const disagree = 'coalesce(min(dob) <> max(dob) OR min(name_key) <> max(name_key), false)';
const SET_RANK: Record<AffectedSet, number> = { confirmed: 1, accessed: 2, could_have_been_queried: 3 };

function col(index: number): string {
  return `c${index}`;
}

/** The same edges in arrays that hold at least `needed` of them, doubling so that appends stay linear. */
function withRoom(edges: LinkEdges, needed: number): LinkEdges {
  if (needed <= edges.record.length) return edges;
  const size = Math.max(needed, edges.record.length * 2);
  const grown: LinkEdges = { record: new Int32Array(size), anchor: new Int32Array(size), strong: new Uint8Array(size), count: edges.count };
  grown.record.set(edges.record.subarray(0, edges.count));
  grown.anchor.set(edges.anchor.subarray(0, edges.count));
  grown.strong.set(edges.strong.subarray(0, edges.count));
  return grown;
}

/** The names of the bits set in a mask, joined by "|"; concat_ws skips the NULLs of unset bits. */
function bitNames(mask: string, names: readonly string[]): string {
  return namesOf(bitCases(mask, names));
}

function bitCases(mask: string, names: readonly string[]): string[] {
  return names.map((name, i) => `CASE WHEN (${mask} >> ${i}) & 1 = 1 THEN ${sqlString(name)} END`);
}

function namesOf(cases: readonly string[]): string {
  return cases.length === 0 ? "''" : `concat_ws('|', ${cases.join(', ')})`;
}


/**
 * Every column cleaned (v), tidied (q), normalised (n), prepared (p) and checked (ok), one stage per
 * subquery, so that each stage refers to the previous one by name and no expression is repeated.
 */
function checkedColumnsSql(specs: readonly ColumnSpec[], options: CategorySqlOptions): string {
  const withSql = specs.map((s) => ({ s, sql: s.category ? categorySql(s.category, options) : null }));
  const keep = (upTo: string[]) => ['rid', ...specs.flatMap((s) => upTo.map((prefix) => `${prefix}${s.index}`))].join(', ');
  const l1 = `SELECT rid, ${specs.map((s) => `${cleanValueSql(col(s.index))} AS v${s.index}`).join(', ')} FROM raw`;
  const l2 = `SELECT ${keep(['v'])}, ${withSql.map(({ s, sql }) => `${sql ? sql.compact(`v${s.index}`) : 'NULL'} AS q${s.index}`).join(', ')} FROM (${l1})`;
  const l3 = `SELECT ${keep(['v'])}, ${withSql.map(({ s, sql }) => `${sql ? sql.normalised(`v${s.index}`, `q${s.index}`) : 'NULL'} AS n${s.index}`).join(', ')} FROM (${l2})`;
  const l4 = `SELECT ${keep(['v', 'n'])}, ${withSql.map(({ s, sql }) => `${sql?.prepare ? sql.prepare(`n${s.index}`) : 'NULL'} AS p${s.index}`).join(', ')} FROM (${l3})`;
  const l5 = `SELECT ${keep(['v', 'n'])}, ${withSql
    .map(({ s, sql }) => `${sql ? `coalesce(${sql.valid(`n${s.index}`, `p${s.index}`)}, false)` : 'false'} AS ok${s.index}`)
    .join(', ')} FROM (${l4})`;
  return l5;
}

/**
 * Column names for JSON keys. DuckDB compares column names without case, while JSON tells "Email" from
 * "email": the second gets a name of its own instead of failing the whole file.
 */
export function jsonColumnNames(keys: readonly string[]): string[] {
  const taken = new Set<string>();
  return keys.map((base) => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * All SQL of the impact analysis. One in-memory DuckDB database per analysis (tables written to a
 * database file cost about twice as much) with its temporary directory in a work folder the caller
 * removes: DuckDB spills there past the memory limit, so files larger than memory are read in place.
 */
export class DatasetRepository {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(databasePath: string, options: { threads?: number; memoryLimit?: string; tempDirectory: string }): Promise<DatasetRepository> {
    const instance = await DuckDBInstance.create(databasePath, {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '2GB',
      temp_directory: options.tempDirectory,
      preserve_insertion_order: 'true',
    });
    return new DatasetRepository(instance, await instance.connect());
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  interrupt(): void {
    this.connection.interrupt();
  }

  /** Share of the running query done, or -1 when DuckDB cannot tell. */
  progress(): number {
    return this.connection.progress.percentage;
  }

  private async rows(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  }

  private async scalar(sql: string): Promise<number> {
    const rows = (await this.connection.runAndReadAll(sql)).getRows();
    return Number(rows[0]?.[0] ?? 0);
  }

  /** Loads a delimited text file as text columns c0..cN, keeping rejected rows with their line numbers. */
  async loadCsv(path: string, delimiter: string): Promise<{ headers: string[]; delimiter: string }> {
    const load = (dialect: string) =>
      this.connection.run(
        `CREATE TABLE source AS SELECT * FROM read_csv(${sqlString(path)}, all_varchar = true, header = true, delim = ${sqlString(delimiter)}, ` +
          `${dialect}, store_rejects = true, rejects_table = 'rejects', rejects_scan = 'rejects_scan', sample_size = 20480)`,
      );
    try {
      await load(`quote = '"', escape = '"'`);
    } catch (error) {
      // One unbalanced quote makes DuckDB's dialect sniffer or its parser give up on the whole file. Read it again letting
      // the sniffer choose the quoting, leniently, so that the other lines are still read and counted.
      if (!/sniffing|invalid state/i.test(error instanceof Error ? error.message : String(error))) throw error;
      await this.connection.run('DROP TABLE IF EXISTS rejects');
      await this.connection.run('DROP TABLE IF EXISTS rejects_scan');
      await load('strict_mode = false');
    }
    return { headers: await this.renameColumns(), delimiter };
  }

  /** JSON Lines: each line is read as text first, so that a broken line is counted with its number. */
  async loadJsonLines(path: string): Promise<{ headers: string[] }> {
    await this.connection.run(
      `CREATE TABLE lines AS SELECT line FROM read_csv(${sqlString(path)}, columns = {'line': 'VARCHAR'}, header = false, ` +
        // Not strict: mixed line endings (\n and \r\n in one file) would otherwise stop the whole read.
        `delim = chr(1), quote = '', escape = '', auto_detect = false, strict_mode = false)`,
    );
    await this.connection.run(`CREATE TABLE rejects AS SELECT (rowid + 1)::BIGINT AS line, 'not a JSON object' AS error_message FROM lines WHERE line IS NOT NULL AND NOT coalesce(json_valid(line) AND starts_with(ltrim(line), '{'), false)`);
    const keys = (await this.rows(`SELECT DISTINCT unnest(json_keys(line)) AS k FROM (SELECT line FROM lines WHERE json_valid(line) AND starts_with(ltrim(line), '{') LIMIT 10000)`)).map((r) => String(r.k))
      // DuckDB's JSON paths cannot name the empty key, so values under "" are left out.
      .filter((k) => k !== '');
    const names = jsonColumnNames(keys);
    const extracts = keys.length === 0 ? `NULL::VARCHAR AS "value"` : keys.map((k, i) => `json_extract_string(line, ${sqlString(`$.${JSON.stringify(k)}`)}) AS ${sqlIdentifier(names[i]!)}`).join(', ');
    await this.connection.run(`CREATE TABLE source AS SELECT ${extracts} FROM lines WHERE json_valid(line) AND starts_with(ltrim(line), '{') ORDER BY rowid`);
    await this.connection.run('DROP TABLE lines');
    return { headers: await this.renameColumns() };
  }

  async loadParquet(path: string): Promise<{ headers: string[] }> {
    await this.connection.run(`CREATE TABLE source AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${sqlString(path)})`);
    await this.connection.run(`CREATE TABLE rejects (line BIGINT, error_message VARCHAR)`);
    return { headers: await this.renameColumns() };
  }

  /**
   * Column names in the file can be anything; the SQL below uses c0..cN through a view, which costs no
   * copy, and the loaded table's row id (file order) as the record id.
   */
  private async renameColumns(): Promise<string[]> {
    const described = await this.rows(`SELECT column_name FROM (DESCRIBE source)`);
    const headers = described.map((r) => String(r.column_name));
    // By position, not by name: a header may be empty, which DuckDB cannot write as an identifier.
    const select = headers.map((_, i) => `#${i + 1}::VARCHAR AS ${col(i)}`).join(', ');
    await this.connection.run(`CREATE VIEW raw AS SELECT rowid::INTEGER AS rid, ${select} FROM source`);
    return headers;
  }

  async countRows(): Promise<number> {
    return this.scalar('SELECT count(*) FROM raw');
  }

  async countRejects(): Promise<number> {
    return this.scalar('SELECT count(DISTINCT line) FROM rejects');
  }

  async unreadableRows(limit: number): Promise<UnreadableRow[]> {
    // DuckDB records one error per problem, so a row can appear more than once.
    const rows = await this.rows(`SELECT line, string_agg(DISTINCT error_message, '; ') AS error_message FROM rejects GROUP BY line ORDER BY line LIMIT ${limit}`);
    return rows.map((r) => ({ line: Number(r.line), reason: String(r.error_message) }));
  }

  /** A repeatable random sample of rows for the classifier, as text. */
  async sample(columnCount: number, size: number): Promise<string[][]> {
    const columns = Array.from({ length: columnCount }, (_, i) => `coalesce(${col(i)}, '') AS ${col(i)}`).join(', ');
    const reader = await this.connection.runAndReadAll(`SELECT ${columns} FROM raw USING SAMPLE reservoir(${size} ROWS) REPEATABLE (42)`);
    return reader.getRows().map((row) => row.map((v) => String(v ?? '')));
  }

  /**
   * Checks every value of every column once and keeps one narrow row per data row: the validated
   * identity keys, contact channels and bit masks of the categories present, valid, and found in
   * notes. Everything later works on this table only. The per-column counts (non-empty, matching,
   * valid) come from a small status byte per column in the same pass, so the wide table of checked
   * values is never stored.
   */
  async buildRecords(
    specs: readonly ColumnSpec[],
    options: CategorySqlOptions & { brandRule: ResolvedBrandRule; setRules: ResolvedSetRules },
  ): Promise<Map<number, ColumnCounts>> {
    const of = (category: PersonalDataCategory) => specs.filter((s) => s.category === category);
    const clean = (s: ColumnSpec) => `v${s.index}`;
    const validValue = (s: ColumnSpec) => `CASE WHEN ok${s.index} THEN n${s.index} END`;
    const firstValid = (category: PersonalDataCategory) => {
      const columns = of(category);
      return columns.length === 0 ? 'NULL::VARCHAR' : `coalesce(${columns.map(validValue).join(', ')})`;
    };
    const phones = of('phone').map(validValue);
    const mobile = phones.length === 0 ? 'NULL::VARCHAR' : `coalesce(${phones.map((p) => `CASE WHEN ${dutchMobileSql(`(${p})`)} THEN ${p} END`).join(', ')})`;
    const vatBsn = of('vat_number').map((s) => `CASE WHEN ${vatHoldsBsnSql(`n${s.index}`)} AND substr(n${s.index}, 3, 9) <> '000000000' THEN substr(n${s.index}, 3, 9) END`);
    const bsn = `coalesce(${[firstValid('bsn'), ...vatBsn].join(', ')})`;
    const text = (category: PersonalDataCategory) => {
      const columns = of(category);
      return columns.length === 0 ? 'NULL::VARCHAR' : `nullif(concat_ws(' ', ${columns.map(clean).join(', ')}), '')`;
    };
    const presentBits = PERSONAL_DATA_CATEGORIES.map((category, bit) => {
      const present = of(category).map((s) => `${clean(s)} IS NOT NULL`);
      if (category === 'bsn') present.push(...vatBsn.map((v) => `${v} IS NOT NULL`));
      return present.length === 0 ? null : `CASE WHEN ${present.join(' OR ')} THEN ${1 << bit} ELSE 0 END`;
    }).filter((x): x is string => x !== null);
    const validBits = PERSONAL_DATA_CATEGORIES.map((category, bit) => {
      const columns = of(category);
      if (columns.length === 0) return null;
      return `CASE WHEN ${columns.map((s) => `ok${s.index}`).join(' OR ')} THEN ${1 << bit} ELSE 0 END`;
    }).filter((x): x is string => x !== null);
    const notes = of('free_text_notes').map(clean);
    const noteText = notes.length === 0 ? 'NULL::VARCHAR' : `concat_ws(' ', ${notes.join(', ')})`;
    const patternBits = (patterns: Record<string, string>) =>
      Object.values(patterns)
        .map((p, bit) => `CASE WHEN regexp_matches(note, ${sqlString(p)}) THEN ${1 << bit} ELSE 0 END`)
        .join(' + ');
    // Most notes mention nothing: one pass with every term first, the per-group patterns only on hits.
    const anyTerm = sqlPatternFor([...Object.values(VULNERABILITY_TERMS), ...Object.values(SPECIAL_CATEGORY_TERMS)].flat());
    const brand = this.brandSql(options.brandRule);
    const set = this.setSql(options.setRules);
    const statuses = specs
      .map((s) => `, ((v${s.index} IS NOT NULL)::INTEGER + 2 * (n${s.index} IS NOT NULL)::INTEGER + 4 * ok${s.index}::INTEGER)::UTINYINT AS st${s.index}`)
      .join('');
    const statusNames = specs.map((s) => `st${s.index}, `).join('');
    const nameKey = `nullif(trim(regexp_replace(lower(strip_accents(coalesce(${text('name')}, ''))), '[^a-z0-9]+', ' ', 'g')), '')`;
    await this.connection.run(`
      CREATE TABLE records AS
      SELECT rid, email, phone, mobile, bsn, iban, dob, postcode, customer_number, name, name_key, address, brand, set_rank, present, valid, ${statusNames}
        CASE WHEN note IS NULL OR NOT regexp_matches(note, ${sqlString(anyTerm)}) THEN 0 ELSE ${patternBits(VULNERABILITY_SQL_PATTERNS as Record<string, string>)} END AS vulnerable,
        CASE WHEN note IS NULL OR NOT regexp_matches(note, ${sqlString(anyTerm)}) THEN 0 ELSE ${patternBits(SPECIAL_CATEGORY_SQL_PATTERNS as Record<string, string>)} END AS special
      FROM (
        SELECT rid,
          ${firstValid('email')} AS email,
          ${phones.length === 0 ? 'NULL::VARCHAR' : `coalesce(${phones.join(', ')})`} AS phone,
          ${mobile} AS mobile,
          ${bsn} AS bsn,
          ${firstValid('iban')} AS iban,
          ${firstValid('birth_date')}::DATE AS dob,
          ${firstValid('postcode')} AS postcode,
          ${firstValid('customer_id')} AS customer_number,
          ${text('name')} AS name,
          ${nameKey} AS name_key,
          ${text('address')} AS address,
          ${brand} AS brand,
          ${set} AS set_rank,
          (${presentBits.length === 0 ? '0' : presentBits.join(' + ')})::INTEGER AS present,
          (${validBits.length === 0 ? '0' : validBits.join(' + ')})::INTEGER AS valid,
          nullif(${noteText}, '') AS note
          ${statuses}
        FROM (${checkedColumnsSql(specs, options)})
      )`);
    await this.connection.run('DROP VIEW raw; DROP TABLE source');
    if (specs.length === 0) return new Map();
    const counts = specs
      .map((s) => `count_if(st${s.index} & 1 = 1) AS e${s.index}, count_if(st${s.index} & 2 = 2) AS m${s.index}, count_if(st${s.index} & 4 = 4) AS k${s.index}`)
      .join(', ');
    const row = (await this.rows(`SELECT ${counts} FROM records`))[0] ?? {};
    return new Map(specs.map((s) => [s.index, { nonEmpty: Number(row[`e${s.index}`] ?? 0), matched: Number(row[`m${s.index}`] ?? 0), valid: Number(row[`k${s.index}`] ?? 0) }]));
  }

  private brandSql(rule: ResolvedBrandRule): string {
    if (rule === null) return 'NULL::VARCHAR';
    if ('constant' in rule) return sqlString(rule.constant);
    const value = `v${rule.columnIndex}`;
    if (!rule.values || Object.keys(rule.values).length === 0) return value;
    const cases = Object.entries(rule.values).map(([from, to]) => `WHEN ${sqlString(from)} THEN ${sqlString(to)}`).join(' ');
    return `CASE ${value} ${cases} ELSE ${value} END`;
  }

  private setSql(rules: ResolvedSetRules): string {
    const otherwise = SET_RANK[rules.otherwise ?? 'confirmed'];
    const index = rules.columnIndex;
    if (index === undefined) return String(otherwise);
    const value = `v${index}`;
    const branch = (values: string[] | undefined, set: AffectedSet) =>
      values && values.length > 0 ? `WHEN list_contains([${values.map(sqlString).join(', ')}], ${value}) THEN ${SET_RANK[set]}` : '';
    return `CASE ${branch(rules.confirmed, 'confirmed')} ${branch(rules.accessed, 'accessed')} ${branch(rules.couldHaveBeenQueried, 'could_have_been_queried')} ELSE ${otherwise} END`;
  }

  /**
   * Identity keys shared by several records. A key whose records disagree on birth date or name (a
   * family e-mail address, a joint account) is not an identity and links nothing; BSN and name + date
   * of birth + postcode are personal by construction. Household landlines never enter: only mobiles do.
   */
  async linkEdges(): Promise<{ edges: LinkEdges; rules: KeyRuleCounts[] }> {
    await this.connection.run(`
      CREATE TABLE record_keys AS
        SELECT rid, 'email' AS rule, email AS k, dob, name_key FROM records WHERE email IS NOT NULL
        UNION ALL SELECT rid, 'mobile_phone', mobile, dob, name_key FROM records WHERE mobile IS NOT NULL
        UNION ALL SELECT rid, 'bsn', bsn, dob, name_key FROM records WHERE bsn IS NOT NULL
        UNION ALL SELECT rid, 'iban', iban, dob, name_key FROM records WHERE iban IS NOT NULL
        UNION ALL SELECT rid, 'name_birth_date_postcode', name_key || '|' || dob::VARCHAR || '|' || postcode, dob, name_key
          FROM records WHERE name_key IS NOT NULL AND dob IS NOT NULL AND postcode IS NOT NULL`);
    await this.connection.run(`
      CREATE TABLE key_groups AS
      SELECT rule, k, min(rid) AS anchor,
        rule <> 'bsn' AND rule <> 'name_birth_date_postcode' AND (${disagree}) AS shared
      FROM record_keys GROUP BY rule, k HAVING count(*) > 1`);
    const rules = (await this.rows(`SELECT rule, count_if(NOT shared) AS linking, count_if(shared) AS shared FROM key_groups GROUP BY rule`)).map((r) => ({
      rule: String(r.rule),
      linkingKeys: Number(r.linking),
      sharedKeysNotUsed: Number(r.shared),
    }));
    const result = await this.connection.stream(`
      SELECT rk.rid, g.anchor, bool_or(g.rule = 'bsn' OR g.rule = 'name_birth_date_postcode')::INTEGER AS strong
      FROM record_keys rk JOIN key_groups g USING (rule, k)
      WHERE NOT g.shared AND rk.rid <> g.anchor GROUP BY rk.rid, g.anchor`);
    let edges: LinkEdges = { record: new Int32Array(1 << 16), anchor: new Int32Array(1 << 16), strong: new Uint8Array(1 << 16), count: 0 };
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const records = chunk.getColumnValues(0) as number[];
      const anchors = chunk.getColumnValues(1) as number[];
      const strong = chunk.getColumnValues(2) as number[];
      edges = withRoom(edges, edges.count + records.length);
      for (let i = 0; i < records.length; i += 1) {
        const n = edges.count + i;
        edges.record[n] = records[i] as number;
        edges.anchor[n] = anchors[i] as number;
        edges.strong[n] = strong[i] as number;
      }
      edges.count += records.length;
    }
    await this.connection.run('DROP TABLE record_keys; DROP TABLE key_groups');
    return { edges, rules };
  }

  /** Reads the person of every record that is not its own person (rid,person lines) and builds the persons table. */
  async buildPersons(personLabelsCsv: string, referenceDate: Date): Promise<void> {
    await this.connection.run(`CREATE TABLE labels AS SELECT * FROM read_csv(${sqlString(personLabelsCsv)}, columns = {'rid': 'INTEGER', 'person': 'INTEGER'}, header = false, delim = ',', auto_detect = false)`);
    await this.connection.run(`CREATE TABLE linked AS SELECT r.*, coalesce(l.person, r.rid) AS person FROM records r LEFT JOIN labels l USING (rid)`);
    await this.connection.run('DROP TABLE labels; DROP TABLE records');
    const ref = `DATE '${referenceDate.toISOString().slice(0, 10)}'`;
    await this.connection.run(`
      CREATE TABLE persons AS
      SELECT person, count(*) AS records,
        arg_min(email, rid) FILTER (WHERE email IS NOT NULL) AS email,
        arg_min(mobile, rid) FILTER (WHERE mobile IS NOT NULL) AS mobile,
        arg_min(phone, rid) FILTER (WHERE phone IS NOT NULL) AS phone,
        arg_min(name, rid) FILTER (WHERE name IS NOT NULL) AS name,
        arg_min(address || coalesce(' ' || postcode, ''), rid) FILTER (WHERE address IS NOT NULL) AS address,
        arg_min(postcode, rid) FILTER (WHERE postcode IS NOT NULL) AS postcode,
        arg_min(customer_number, rid) FILTER (WHERE customer_number IS NOT NULL) AS customer_number,
        min(dob) AS dob,
        date_sub('year', min(dob), ${ref}) AS age,
        list_sort(list_distinct(list(brand) FILTER (WHERE brand IS NOT NULL))) AS brands,
        min(set_rank) AS set_rank,
        bit_or(present) AS present, bit_or(vulnerable) AS vulnerable, bit_or(special) AS special,
        ${disagree} AS uncertain
      FROM linked GROUP BY person`);
  }

  async personTotals(): Promise<Record<string, number>> {
    const vulnerableCounts = VULNERABILITY_GROUPS.map((g, bit) => `count_if((vulnerable >> ${bit}) & 1 = 1) AS "v_${g}"`);
    const specialCounts = SPECIAL_GROUPS.map((g, bit) => `count_if((special >> ${bit}) & 1 = 1) AS "s_${g}"`);
    const categoryCounts = PERSONAL_DATA_CATEGORIES.map((c, bit) => `count_if((present >> ${bit}) & 1 = 1) AS "c_${c}"`);
    const row = (await this.rows(`
      SELECT count(*) AS persons, count_if(uncertain) AS uncertain,
        count_if(age < 18) AS minors, count_if(age >= 80) AS aged80,
        count_if(set_rank = 1) AS set_confirmed, count_if(set_rank = 2) AS set_accessed, count_if(set_rank = 3) AS set_queried,
        ${[...vulnerableCounts, ...specialCounts, ...categoryCounts].join(', ')}
      FROM persons`))[0];
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  }

  async histogram(kind: 'records' | 'age' | 'brand'): Promise<Record<string, number>> {
    const bucket =
      kind === 'records'
        ? `CASE WHEN records <= 5 THEN records::VARCHAR WHEN records <= 10 THEN '6-10' ELSE '11+' END`
        : kind === 'age'
          ? `CASE WHEN age IS NULL THEN 'unknown' WHEN age >= 90 THEN '90+' ELSE (age // 10 * 10)::VARCHAR || '-' || (age // 10 * 10 + 9)::VARCHAR END`
          : `unnest(CASE WHEN len(brands) = 0 THEN ['(none)'] ELSE brands END)`;
    const rows = await this.rows(`SELECT bucket, count(*) AS n FROM (SELECT ${bucket} AS bucket FROM persons) GROUP BY bucket ORDER BY min(bucket)`);
    return Object.fromEntries(rows.map((r) => [String(r.bucket), Number(r.n)]));
  }

  /** The affected-people list: one row per person with contact channels and exactly what was exposed; nothing else. */
  async writeAffectedPeople(path: string): Promise<string[]> {
    const vulnerableNames = VULNERABILITY_GROUPS;
    const setName = `CASE set_rank WHEN 1 THEN 'confirmed' WHEN 2 THEN 'accessed' ELSE 'could_have_been_queried' END`;
    const flags = namesOf([
      `CASE WHEN age < 18 THEN 'minor' END`,
      `CASE WHEN age >= 80 THEN 'aged_80_plus' END`,
      ...bitCases('vulnerable', vulnerableNames),
      `CASE WHEN (special & 1) = 1 THEN 'health' END`,
    ]);
    const columns = ['person_key', 'email', 'mobile_e164', 'postal_address', 'name', 'customer_number', 'postcode', 'language', 'categories', 'special_categories', 'vulnerable', 'brands', 'set', 'records'];
    await this.connection.run(`
      COPY (
        SELECT 'P' || lpad((person + 1)::VARCHAR, 9, '0') AS person_key,
          email, mobile AS mobile_e164, address AS postal_address, name,
          -- with the postcode, what a person may enter on the public page when the organisation allows it
          customer_number, postcode,
          CASE WHEN coalesce(ends_with(email, '.nl') OR ends_with(email, '.be') OR starts_with(phone, '+31') OR starts_with(phone, '+32') OR postcode IS NOT NULL, false) THEN 'nl' ELSE 'en' END AS language,
          ${bitNames('present', PERSONAL_DATA_CATEGORIES)} AS categories,
          ${bitNames('special', SPECIAL_GROUPS)} AS special_categories,
          ${flags} AS vulnerable,
          array_to_string(brands, '|') AS brands,
          ${setName} AS "set",
          records
        FROM persons ORDER BY person
      ) TO ${sqlString(path)} (FORMAT csv, HEADER true)`);
    return columns;
  }

  async writeRecordPersons(path: string): Promise<void> {
    await this.connection.run(`COPY (SELECT rid, person, valid, present FROM linked ORDER BY rid) TO ${sqlString(path)} (FORMAT parquet)`);
  }
}
