import { describe, expect, it } from 'vitest';
import { figuresOfResult, personOfRow, unreadableCsv, type StoredAnalysisResult } from './analyses.facts.ts';

function storedResult(totals: Partial<StoredAnalysisResult['totals']> = {}): StoredAnalysisResult {
  return {
    file: { name: 'export.csv', format: 'csv', encoding: 'utf-8', bytes: 100, delimiter: ';' },
    referenceDate: '2026-03-01',
    columns: [],
    totals: {
      rows: 12,
      dataRows: 11,
      unreadableRows: 1,
      unreadable: [{ line: 7, reason: 'unterminated quote, "here"' }],
      persons: 8,
      linkRules: [],
      uncertainMerges: 2,
      cappedClusters: 0,
      recordsInCappedClusters: 0,
      recordsPerPerson: { '1': 6, '2': 2 },
      personsPerCategory: { email: 8, postcode: 5, vat_number: 1, free_text_notes: 3, phone: 0 },
      personsPerSpecialCategory: { health: 1, religion: 1 },
      personsPerBrand: {},
      personsPerSet: { confirmed: 8, accessed: 0, could_have_been_queried: 0 },
      ageHistogram: {},
      vulnerable: { minors: 0, aged80Plus: 1, financialAdministration: 0, debtCounselling: 1, paymentArrangement: 0, health: 1, noteGroups: {} },
      ...totals,
    },
    affectedPeople: { rows: 8 },
    seconds: 1,
  };
}

describe('figuresOfResult', () => {
  it('turns measured categories into case categories and counts uncertain merges into the upper bound of persons', () => {
    const figures = figuresOfResult(storedResult(), '2026-03-02T10:00:00.000Z');
    expect(figures.subjects).toEqual({ min: 8, max: 10 });
    expect(figures.records).toBe(11);
    expect(figures.categories.sort()).toEqual(['address', 'bsn', 'email', 'health', 'special_other']);
    expect(figures.vulnerable.sort()).toEqual(['elderly', 'other', 'patients']);
    expect(figures.analysedAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('names children data and minors only when the analysis found minors', () => {
    const vulnerable = { minors: 3, aged80Plus: 0, financialAdministration: 2, debtCounselling: 0, paymentArrangement: 0, health: 0, noteGroups: {} };
    const figures = figuresOfResult(storedResult({ vulnerable, personsPerSpecialCategory: {} }), 'x');
    expect(figures.categories).toContain('children_data');
    expect(figures.vulnerable.sort()).toEqual(['financial_administration', 'minors']);
  });
});

describe('personOfRow', () => {
  it('reads the engine row with its lists and empty contact fields as absent', () => {
    const person = personOfRow({
      person_key: 'p1',
      email: 'jan@example.nl',
      mobile_e164: '',
      postal_address: '',
      name: 'Jan Jansen',
      customer_number: 'K-100234',
      postcode: '',
      language: 'en',
      categories: 'email|name',
      special_categories: '',
      vulnerable: 'minor',
      brands: 'Main|Sub',
      set: 'accessed',
      records: '3',
    });
    expect(person).toEqual({
      personKey: 'p1',
      set: 'accessed',
      language: 'en',
      brands: ['Main', 'Sub'],
      categories: ['email', 'name'],
      specialCategories: [],
      vulnerable: ['minor'],
      records: 3,
      contact: { email: 'jan@example.nl', mobile: null, address: null, name: 'Jan Jansen', customerNumber: 'K-100234', postcode: null },
    });
  });
});

describe('unreadableCsv', () => {
  it('quotes reasons that hold commas or quotes', () => {
    expect(unreadableCsv(storedResult())).toBe('line,reason\n7,"unterminated quote, ""here"""\n');
  });
});
