import PDFDocument from 'pdfkit';
import { formatInZone } from '../../shared/time.ts';
import { summaryOf, type DeliveryReport } from './delivery-report.ts';

type Locale = 'nl' | 'en';

const text = {
  nl: {
    title: 'Verzendrapport: betrokkenen geïnformeerd (AVG art. 34)',
    campaign: 'Campagne',
    caseReference: 'Zaak',
    state: 'Status',
    approved: 'Goedgekeurd',
    started: 'Gestart',
    finished: 'Afgerond',
    generated: 'Gemaakt op',
    summary: 'Samenvatting',
    metrics: { people: 'Personen', sent: 'Verzonden', pending: 'Nog te verzenden', failed: 'Mislukt (geen kanaal meer)', claimed_twice: 'Mogelijk dubbel verzonden' },
    firstSent: 'Eerste verzending',
    lastSent: 'Laatste verzending',
    counts: 'Aantallen per kanaal en status',
    columns: ['Kanaal', 'Status', 'Aantal'],
    timeline: 'Verloop per uur',
    hourColumns: ['Uur', 'Verzonden'],
    failures: 'Mislukte verzendingen',
    failureColumns: ['Kenmerk', 'Kanaal', 'Status', 'Pogingen', 'Reden'],
    noFailures: 'Geen.',
    more: (n: number) => `… en nog ${n}; de CSV bevat ze allemaal.`,
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
  },
  en: {
    title: 'Delivery report: people informed (GDPR art. 34)',
    campaign: 'Campaign',
    caseReference: 'Case',
    state: 'State',
    approved: 'Approved',
    started: 'Started',
    finished: 'Finished',
    generated: 'Generated',
    summary: 'Summary',
    metrics: { people: 'People', sent: 'Sent', pending: 'Still to send', failed: 'Failed (no channel left)', claimed_twice: 'Possibly sent twice' },
    firstSent: 'First sent',
    lastSent: 'Last sent',
    counts: 'Counts per channel and status',
    columns: ['Channel', 'Status', 'Count'],
    timeline: 'Per hour',
    hourColumns: ['Hour', 'Sent'],
    failures: 'Failed deliveries',
    failureColumns: ['Reference', 'Channel', 'Status', 'Attempts', 'Reason'],
    noFailures: 'None.',
    more: (n: number) => `… and ${n} more; the CSV holds them all.`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

const margin = 40;
const fontSize = 9;

/** The report for the regulator file: A4 portrait, a page footer on every page, failures capped at `maxFailures`. */
export function renderDeliveryReportPdf(report: DeliveryReport, options: { locale: Locale; timeZone: string; maxFailures?: number; compress?: boolean }): Promise<Buffer> {
  const t = text[options.locale];
  const when = (instant: string | null) => (instant ? formatInZone(instant, options.timeZone, options.locale) : '–');
  const doc = new PDFDocument({ size: 'A4', margin, bufferPages: true, compress: options.compress ?? true, info: { Title: t.title, Creator: 'Breachdesk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin - 20;

  const table = (widths: number[], cells: ReadonlyArray<string>, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    let x = margin;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, top + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = margin;
    doc.y = top + height;
  };
  const heading = (title: string) => {
    if (doc.y + 40 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(title, margin, doc.y, { width }).moveDown(0.3);
  };

  doc.font('Helvetica-Bold').fontSize(14).text(t.title, { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(fontSize);
  const c = report.campaign;
  for (const [label, value] of [
    [t.campaign, `${c.name} (${c.brand})`],
    [t.caseReference, report.caseReference],
    [t.state, c.state],
    [t.approved, when(c.approvedAt)],
    [t.started, when(c.startedAt)],
    [t.finished, when(c.finishedAt)],
    [t.generated, when(report.generatedAt)],
  ] as const) {
    doc.text(`${label}: ${value}`, { width });
  }

  heading(t.summary);
  const summary = summaryOf(report.progress);
  for (const [metric, value] of Object.entries(summary)) table([260, 100], [t.metrics[metric as keyof typeof summary], String(value)]);
  table([260, 255], [t.firstSent, when(report.timeline.firstSentAt)]);
  table([260, 255], [t.lastSent, when(report.timeline.lastSentAt)]);

  heading(t.counts);
  table([120, 120, 80], t.columns, true);
  for (const [channel, states] of Object.entries(report.progress.byChannel).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [state, count] of Object.entries(states).sort(([a], [b]) => a.localeCompare(b))) table([120, 120, 80], [channel, state.replaceAll('_', ' '), String(count)]);
  }

  heading(t.timeline);
  table([200, 80], t.hourColumns, true);
  for (const hour of report.timeline.perHour) table([200, 80], [when(`${hour.hour}:00:00.000Z`), String(hour.count)]);

  heading(t.failures);
  const cap = options.maxFailures ?? 500;
  if (report.failures.length === 0) doc.font('Helvetica').fontSize(fontSize).text(t.noFailures, { width });
  else {
    const widths = [170, 50, 60, 45, width - 325];
    table(widths, t.failureColumns, true);
    for (const failure of report.failures.slice(0, cap)) table(widths, [failure.reference, failure.channel, failure.state.replaceAll('_', ' '), String(failure.attempts), failure.reason]);
    if (report.failures.length > cap) doc.font('Helvetica-Oblique').fontSize(fontSize).text(t.more(report.failures.length - cap), margin, doc.y + 4, { width });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page for the footer itself.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).text(`${report.caseReference} · ${t.page(i + 1, range.count)}`, margin, doc.page.height - margin, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
