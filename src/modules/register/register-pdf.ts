import PDFDocument from 'pdfkit';
import { formatInZone } from '../../shared/time.ts';
import type { RegisterEntry } from './register.schemas.ts';

type Locale = 'nl' | 'en';

export interface RegisterPdfInput {
  organisationName: string;
  /** The filter in words, e.g. "period 2026-01-01 – 2026-03-31, cause hack"; empty for the whole register. */
  filterText: string;
  generatedAt: string;
  timeZone: string;
  locale: Locale;
  entries: readonly RegisterEntry[];
}

const text = {
  nl: {
    title: 'Register van datalekken (AVG art. 33 lid 5)',
    filter: 'Filter',
    wholeRegister: 'alle zaken',
    generated: 'Gemaakt op',
    empty: 'Geen zaken voor dit filter.',
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
    columns: ['Kenmerk', 'Titel', 'Status', 'Bekend sinds', 'Oorzaak', 'Gegevens', 'Personen', 'Risico', 'Gemeld aan AP', 'Op tijd'],
    notABreach: 'Geen datalek',
    effects: 'Gevolgen',
    remedial: 'Maatregelen',
    decision: 'Besluit',
    delay: 'Reden vertraging',
    closed: 'Gesloten',
    subjectsInformed: 'Betrokkenen geïnformeerd',
    yes: 'ja',
    no: 'nee',
  },
  en: {
    title: 'Register of personal data breaches (GDPR art. 33(5))',
    filter: 'Filter',
    wholeRegister: 'all cases',
    generated: 'Generated',
    empty: 'No cases match this filter.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    columns: ['Reference', 'Title', 'State', 'Aware since', 'Cause', 'Data', 'People', 'Risk', 'Authority notified', 'On time'],
    notABreach: 'Not a breach',
    effects: 'Effects',
    remedial: 'Remedial action',
    decision: 'Decision',
    delay: 'Reason for delay',
    closed: 'Closed',
    subjectsInformed: 'People informed',
    yes: 'yes',
    no: 'no',
  },
} as const;

/** Column widths in points; they add up to the printable width of A4 landscape with 36 pt margins. */
const widths = [78, 150, 62, 78, 70, 110, 55, 45, 80, 42];
const margin = 36;
const fontSize = 8;
const cellPadding = 2;

/**
 * The register as a printable A4 landscape table. Each page repeats the organisation, the filter and the
 * column headers, so a single printed page still says what it is. Helvetica's WinAnsi encoding covers
 * Dutch letters such as ë and ï.
 */
export function renderRegisterPdf(input: RegisterPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const t = text[input.locale];
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: t.title, Author: input.organisationName, Creator: 'Breachdesk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const tableWidth = widths.reduce((sum, w) => sum + w, 0);
  const bottom = () => doc.page.height - margin - 14;

  const drawPageHeader = () => {
    doc.font('Helvetica-Bold').fontSize(12).text(input.organisationName, margin, margin, { width: tableWidth });
    doc.font('Helvetica').fontSize(10).text(t.title, { width: tableWidth });
    doc
      .fontSize(fontSize)
      .text(`${t.filter}: ${input.filterText || t.wholeRegister}    ${t.generated}: ${input.generatedAt}`, { width: tableWidth });
    doc.moveDown(0.5);
    drawRow(t.columns, 'Helvetica-Bold', true);
  };

  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((value, i) => doc.heightOfString(value, { width: widths[i]! - 2 * cellPadding }))) + 2 * cellPadding;
  };

  const drawRow = (cells: readonly string[], font: string, shaded = false) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (shaded) doc.rect(margin, top, tableWidth, height).fillColor('#e8e8e8').fill().fillColor('black');
    let x = margin;
    cells.forEach((value, i) => {
      doc.font(font).fontSize(fontSize).text(value, x + cellPadding, top + cellPadding, { width: widths[i]! - 2 * cellPadding });
      x += widths[i]!;
    });
    doc.x = margin;
    doc.y = top + height;
  };

  const detailOf = (entry: RegisterEntry): string => {
    const parts = [
      [t.effects, entry.effects],
      [t.remedial, entry.remedialAction],
      [t.decision, entry.decisionReason],
      [t.delay, entry.delayReason ?? ''],
      [t.subjectsInformed, entry.subjectsInformed ? t.yes : t.no],
      [t.closed, entry.closedAt ? [formatInZone(entry.closedAt, input.timeZone, input.locale), entry.closedReason].filter(Boolean).join(', ') : ''],
    ];
    return parts
      .filter(([, value]) => value)
      .map(([label, value]) => `${label}: ${value}`)
      .join('   ');
  };

  drawPageHeader();
  if (input.entries.length === 0) doc.font('Helvetica').fontSize(10).text(t.empty, margin, doc.y + 6);

  for (const entry of input.entries) {
    const cells = cellsOf(entry, input, t);
    const detail = detailOf(entry);
    doc.font('Helvetica').fontSize(fontSize);
    const detailHeight = detail ? doc.heightOfString(detail, { width: tableWidth - 2 * cellPadding }) + 2 * cellPadding : 0;
    if (doc.y + rowHeight(cells, 'Helvetica') + detailHeight > bottom()) {
      doc.addPage();
      drawPageHeader();
    }
    drawRow(cells, 'Helvetica');
    if (detail) {
      doc.font('Helvetica-Oblique').fontSize(fontSize).text(detail, margin + cellPadding, doc.y, { width: tableWidth - 2 * cellPadding });
      doc.x = margin;
      doc.y += cellPadding;
    }
    doc.moveTo(margin, doc.y).lineTo(margin + tableWidth, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page for the footer itself.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(fontSize).text(t.page(i + 1, range.count), margin, doc.page.height - margin, { width: tableWidth, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

function cellsOf(entry: RegisterEntry, input: RegisterPdfInput, t: (typeof text)[Locale]): string[] {
  const when = (instant: string | null) => (instant ? formatInZone(instant, input.timeZone, input.locale) : '');
  const persons =
    entry.personsMin === null && entry.personsMax === null
      ? ''
      : entry.personsMin === entry.personsMax
        ? String(entry.personsMin)
        : `${entry.personsMin ?? '?'}–${entry.personsMax ?? '?'}`;
  const onTime = entry.notifiedOnTime === null ? '' : entry.notifiedOnTime ? t.yes : t.no;
  return [
    entry.reference,
    entry.notABreach ? `${entry.title} (${t.notABreach})` : entry.title,
    words(entry.state),
    when(entry.awareAt),
    words(entry.cause),
    entry.categories.map(words).join(', '),
    persons,
    words(entry.riskOutcome),
    [when(entry.authorityNotifiedAt), entry.authorityReference ?? ''].filter(Boolean).join(' '),
    onTime,
  ];
}

function words(value: string | null): string {
  return value ? value.replaceAll('_', ' ') : '';
}
