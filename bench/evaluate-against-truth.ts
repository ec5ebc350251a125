/**
 * Precision and recall of an analysis against the synthetic export's ground truth: per validated
 * category (is the value valid?) and for persons (are two rows the same person?, counted over pairs).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { PERSONAL_DATA_CATEGORIES } from '../src/modules/impact/index.ts';
import { TRUTH_CATEGORIES } from '../scripts/generate-telecom-export.ts';

export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Evaluation {
  categories: Record<string, Score>;
  persons: { truePersons: number; foundPersons: number; pairPrecision: number; pairRecall: number };
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export async function evaluateAgainstTruth(exportPath: string, recordPersonsPath: string): Promise<Evaluation> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(`
      CREATE TABLE truth AS SELECT (row_number() OVER (ORDER BY line::BIGINT) - 1)::INTEGER AS rid, *
      FROM read_csv(${quote(`${exportPath}.truth.csv`)}, all_varchar = true, header = true) WHERE malformed = '0'`);
    await connection.run(`CREATE TABLE joined AS SELECT t.*, r.person AS found_person, r.valid FROM truth t JOIN read_parquet(${quote(recordPersonsPath)}) r USING (rid)`);
    const categories: Record<string, Score> = {};
    for (const category of TRUTH_CATEGORIES) {
      const bit = 1 << PERSONAL_DATA_CATEGORIES.indexOf(category);
      const flagged = `(valid & ${bit}) <> 0`;
      const rows = (await connection.runAndReadAll(`
        SELECT count_if(${category} = '1' AND ${flagged}) tp, count_if(coalesce(${category}, '') <> '1' AND ${flagged}) fp,
          count_if(${category} = '1' AND NOT ${flagged}) fn FROM joined`)).getRowObjectsJS()[0] as Record<string, bigint>;
      const tp = Number(rows.tp);
      const fp = Number(rows.fp);
      const fn = Number(rows.fn);
      categories[category] = { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), truePositives: tp, falsePositives: fp, falseNegatives: fn };
    }
    const pairs = (n: string) => `sum(${n}::HUGEINT * (${n} - 1) / 2)`;
    const p = (await connection.runAndReadAll(`
      SELECT (SELECT count(DISTINCT found_person) FROM joined) AS found,
        (SELECT count(DISTINCT t.person) FROM truth t) AS truth_persons,
        (SELECT ${pairs('n')} FROM (SELECT count(*) n FROM joined GROUP BY found_person)) AS predicted_pairs,
        (SELECT ${pairs('n')} FROM (SELECT count(*) n FROM joined GROUP BY person)) AS true_pairs,
        (SELECT ${pairs('n')} FROM (SELECT count(*) n FROM joined GROUP BY person, found_person)) AS both_pairs`)).getRowObjectsJS()[0] as Record<string, unknown>;
    const predicted = Number(p.predicted_pairs);
    const truePairs = Number(p.true_pairs);
    const both = Number(p.both_pairs);
    return {
      categories,
      persons: {
        truePersons: Number(p.truth_persons),
        foundPersons: Number(p.found),
        pairPrecision: predicted === 0 ? 1 : both / predicted,
        pairRecall: truePairs === 0 ? 1 : both / truePairs,
      },
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
