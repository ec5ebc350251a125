import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, registerCsvColumns, registerToCsv } from './register-csv.ts';
import { renderRegisterPdf } from './register-pdf.ts';
import type { RegisterEntry } from './register.schemas.ts';

function entry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    caseId: 'case-1',
    reference: 'BD-2026-0001',
    title: 'Verkeerd verstuurde e-mail aan Zoë',
    state: 'closed',
    notABreach: false,
    occurredAt: null,
    detectedAt: '2026-03-01T08:00:00.000Z',
    awareAt: '2026-03-01T09:00:00.000Z',
    cause: 'misdirected',
    categories: ['name', 'email'],
    personsMin: 1,
    personsMax: 12,
    records: null,
    riskOutcome: 'risk',
    authorityNotifiedAt: '2026-03-02T09:00:00.000Z',
    authorityReference: 'AP-77',
    notifiedOnTime: true,
    delayReason: null,
    subjectsInformed: false,
    effects: 'Naam en e-mailadres bekend bij één ontvanger',
    remedialAction: 'Ontvanger heeft de e-mail verwijderd',
    decisionReason: '',
    closedAt: '2026-03-10T12:00:00.000Z',
    closedReason: null,
    ...overrides,
  };
}

/** The text pdfkit wrote with `compress: false`: each TJ array's hex strings, decoded as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

describe('registerToCsv', () => {
  it('writes RFC 4180 CSV with a BOM that parses back to the same rows', () => {
    const tricky = entry({ reference: 'BD-2026-0002', title: 'Comma, "quote" and\nnew line', categories: [], personsMin: null, notifiedOnTime: null });
    const csv = registerToCsv([entry(), tricky]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...registerCsvColumns]);
    expect(rows.map((r) => r.reference)).toEqual(['BD-2026-0001', 'BD-2026-0002']);
    expect(rows[0]).toMatchObject({ categories: 'name; email', personsMax: '12', notifiedOnTime: 'yes', subjectsInformed: 'no', title: 'Verkeerd verstuurde e-mail aan Zoë' });
    expect(rows[1]).toMatchObject({ title: 'Comma, "quote" and\nnew line', personsMin: '', notifiedOnTime: '' });
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const rows = parse(registerToCsv([entry({ title: '=HYPERLINK("http://evil")', effects: '+1', remedialAction: '-2', decisionReason: '@SUM(A1)' })]), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ title: `'=HYPERLINK("http://evil")`, effects: "'+1", remedialAction: "'-2", decisionReason: "'@SUM(A1)" });
    expect(neutraliseFormula('safe - text')).toBe('safe - text');
    expect(neutraliseFormula('\tcmd')).toBe("'\tcmd");
  });
});

describe('renderRegisterPdf', () => {
  const base = { organisationName: 'Gemeente Zuidë', filterText: 'oorzaak misdirected', generatedAt: '2 mrt 2026, 10:00', timeZone: 'Europe/Amsterdam', locale: 'nl' as const };

  it('prints the organisation, the filter, the references and Dutch letters', async () => {
    const pdf = await renderRegisterPdf({ ...base, entries: [entry(), entry({ reference: 'BD-2026-0002', notABreach: true })] }, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Gemeente Zuidë', 'oorzaak misdirected', 'BD-2026-0001', 'BD-2026-0002', 'Zoë', 'één ontvanger', 'Geen datalek', 'Kenmerk']) {
      expect(text).toContain(expected);
    }
  });

  it('repeats the headers on every page of a long register', async () => {
    const entries = Array.from({ length: 60 }, (_, i) => entry({ reference: `BD-2026-${String(i + 1).padStart(4, '0')}` }));
    const pdf = await renderRegisterPdf({ ...base, locale: 'en', entries }, { compress: false });
    const text = pdfText(pdf);
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    expect(text.split('Reference').length - 1).toBe(pages);
    expect(text.split('Gemeente Zuidë').length - 1).toBe(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('BD-2026-0060');
  });

  it('says so when nothing matches', async () => {
    expect(pdfText(await renderRegisterPdf({ ...base, locale: 'en', entries: [] }, { compress: false }))).toContain('No cases match this filter.');
  });
});
