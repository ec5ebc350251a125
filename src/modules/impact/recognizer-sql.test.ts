import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorySql, cleanValueSql, locallyAdministeredMacSql, sqlString } from './recognizer-sql.repository.ts';
import {
  createBirthDateRecognizer,
  describeMacAddress,
  idDocumentRecognizer,
  ipAddressRecognizer,
  macAddressRecognizer,
  parseDate,
  paymentCardRecognizer,
  type PersonalDataCategory,
  type Recognizer,
} from './recognizers/index.ts';

const options = { referenceDate: new Date('2026-11-24T00:00:00Z'), order: 'dmy' as const };
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

interface Checked {
  value: string;
  normalised: string | null;
  valid: boolean;
}

/** Runs values through the same stages as the analysis: cleaned, tidied, normalised, prepared, checked. */
async function checkInSql(category: PersonalDataCategory, values: readonly string[]): Promise<Checked[]> {
  const sql = categorySql(category, options);
  const rows = values.map((v, i) => `(${i}, ${sqlString(v)})`).join(', ');
  const query = `
    SELECT value, n, coalesce(${sql.valid('n', 'p')}, false) AS ok FROM (
      SELECT i, value, n, ${sql.prepare ? sql.prepare('n') : 'NULL'} AS p FROM (
        SELECT i, value, ${sql.normalised('v', 'q')} AS n FROM (
          SELECT i, value, v, ${sql.compact('v')} AS q FROM (
            SELECT i, value, ${cleanValueSql('value')} AS v FROM (VALUES ${rows}) t(i, value)))))
    ORDER BY i`;
  const result = await connection.runAndReadAll(query);
  return result.getRows().map(([value, n, ok]) => ({ value: String(value), normalised: n === null ? null : String(n), valid: ok === true }));
}

async function expectAgreement(recognizer: Recognizer, values: readonly string[], compareNormalised: (value: string) => boolean = () => true) {
  const checked = await checkInSql(recognizer.category, values);
  for (const row of checked) {
    expect({ value: row.value, valid: row.valid }).toEqual({ value: row.value, valid: recognizer.validate(row.value).valid });
    if (row.valid && compareNormalised(row.value)) expect(row.normalised).toBe(recognizer.normalise(row.value));
  }
  return checked;
}

describe('SQL checks agree with the recognizers', () => {
  it('payment cards: Luhn, all zeros and the known issuer prefixes', async () => {
    const checked = await expectAgreement(paymentCardRecognizer, [
      '4111 1111 1111 1111',
      '4111111111111112',
      '5500-0000-0000-0004',
      '2221000000000009',
      '378282246310005',
      '3782822463100050',
      '6011111111111117',
      '6759649826438453',
      '4222222222222',
      '4000000000000000006',
      '1234567812345670',
      '0000000000000000',
      '79927398713',
      '41111111111111111111',
      'card 4111111111111111',
    ]);
    expect(checked.filter((c) => c.valid).map((c) => c.value)).toEqual([
      '4111 1111 1111 1111',
      '5500-0000-0000-0004',
      '2221000000000009',
      '378282246310005',
      '6011111111111117',
      '6759649826438453',
      '4222222222222',
      '4000000000000000006',
    ]);
  });

  it('MAC addresses in every separator style, and the locally administered bit', async () => {
    const values = [
      '00:1A:2B:3C:4D:5E',
      '00-1a-2b-3c-4d-5e',
      '001a.2b3c.4d5e',
      '001A2B3C4D5E',
      'da:a1:19:00:00:01',
      '02:00:00:00:00:01',
      '00:1a-2b:3c:4d:5e',
      '00:00:00:00:00:00',
      'ff:ff:ff:ff:ff:ff',
      '00:1a:2b:3c:4d',
      'gg:1a:2b:3c:4d:5e',
    ];
    const checked = await expectAgreement(macAddressRecognizer, values);
    expect(checked.filter((c) => c.valid)).toHaveLength(6);
    const valid = checked.filter((c) => c.valid).map((c) => c.normalised as string);
    const local = await connection.runAndReadAll(`SELECT ${locallyAdministeredMacSql('m')} FROM (VALUES ${valid.map((m, i) => `(${i}, ${sqlString(m)})`).join(', ')}) t(i, m) ORDER BY i`);
    expect(local.getRows().map(([flag]) => flag)).toEqual(valid.map((m) => describeMacAddress(m).locallyAdministered));
    expect(local.getRows().map(([flag]) => flag)).toContain(true);
  });

  it('IPv4 and IPv6 addresses, with brackets and zones, refusing leading zeros and impossible groups', async () => {
    await expectAgreement(
      ipAddressRecognizer,
      [
        '192.168.1.10',
        '8.8.8.8',
        '255.255.255.255',
        '256.1.1.1',
        '192.168.01.1',
        '1.2.3',
        '2001:db8::1',
        '2001:DB8:0:0:0:0:0:1',
        '[2001:db8::1]',
        'fe80::1%eth0',
        '::1',
        '::',
        '::ffff:192.0.2.1',
        '64:ff9b::192.0.2.33',
        '1:2:3:4:5:6:1.2.3.4',
        '1::2::3',
        '1:2:3:4:5:6:7:8:9',
        '12345::1',
        'g::1',
        ':1',
      ],
      (value) => !value.includes(':'),
    );
  });

  it('Dutch passport and identity-card numbers, without the letter O', async () => {
    const checked = await expectAgreement(idDocumentRecognizer, ['NPK290955', 'npk 290 955', 'SPECI2014', 'NO1234567', 'NP123456', 'NP12345678', '123456789', 'XR-1B2C3D4']);
    expect(checked.filter((c) => c.valid).map((c) => c.value)).toEqual(['NPK290955', 'npk 290 955', 'SPECI2014', 'XR-1B2C3D4']);
  });
});

describe('birth dates in SQL agree with the recognizer', () => {
  const values = [
    '17-05-1980',
    '1980-05-17',
    '17/05/80',
    '17-5-15',
    '03.04.26',
    '01-12-26',
    '31-02-80',
    '29-02-24',
    '29-02-23',
    '29221',
    '29221.0',
    '45000',
    '59',
    '61',
    '60',
    '2958466',
    '1980-05-17 00:00:00',
    '1980-05-17T00:00:00Z',
    '1900-01-01',
    '1899-12-30',
    '19800517',
  ];

  for (const order of ['dmy', 'mdy'] as const) {
    it(`two-digit years, Excel serial numbers, placeholders and the plausible range (${order})`, async () => {
      const recognizer = createBirthDateRecognizer({ referenceDate: options.referenceDate, order });
      const sql = categorySql('birth_date', { ...options, order });
      const rows = values.map((v, i) => `(${i}, ${sqlString(v)})`).join(', ');
      const result = await connection.runAndReadAll(`
        SELECT value, n::VARCHAR, coalesce(${sql.valid('n', 'p')}, false) FROM (
          SELECT i, value, ${sql.normalised('v', 'q')} AS n FROM (
            SELECT i, value, v, ${sql.compact('v')} AS q FROM (SELECT i, value, ${cleanValueSql('value')} AS v FROM (VALUES ${rows}) t(i, value))))
        ORDER BY i`);
      const inSql = result.getRows().map(([value, n, ok]) => ({ value, iso: ok === true ? n : null }));
      const inJs = values.map((value) => {
        const parsed = parseDate(value, { referenceDate: options.referenceDate, order });
        return { value, iso: recognizer.validate(value).valid ? (parsed?.iso ?? null) : null };
      });
      expect(inSql).toEqual(inJs);
      expect(inSql.filter((r) => r.iso !== null).length).toBeGreaterThan(8);
    });
  }
});
