import PDFDocument from 'pdfkit';
import type { DraftView } from './regulator.schemas.ts';

type Locale = 'nl' | 'en';

const labels = {
  nl: {
    case: 'Zaak',
    recipient: 'Aan',
    drafted: 'Opgesteld',
    submitted: 'Ingediend',
    notSubmitted: 'nog niet ingediend',
    reference: 'kenmerk',
    missing: (n: number) => (n === 0 ? 'Alle antwoorden zijn ingevuld.' : `${n} antwoord(en) ontbreken nog: gemarkeerd in geel.`),
    changes: 'Gewijzigd sinds de vorige melding',
    before: 'Was',
    after: 'Nu',
    empty: '(leeg)',
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
  },
  en: {
    case: 'Case',
    recipient: 'To',
    drafted: 'Drafted',
    submitted: 'Submitted',
    notSubmitted: 'not yet submitted',
    reference: 'reference',
    missing: (n: number) => (n === 0 ? 'Every answer is filled in.' : `${n} answer(s) still missing: highlighted in yellow.`),
    changes: 'Changed since the previous notification',
    before: 'Was',
    after: 'Now',
    empty: '(empty)',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

const margin = 50;

/**
 * The draft as a printable A4 document: each section of the form with its questions and answers, ready to
 * be copied into the authority's web form; missing answers stand out on a yellow band.
 */
export function renderDraftPdf(draft: DraftView, context: { caseReference: string; organisationName: string; locale: Locale }, options: { compress?: boolean } = {}): Promise<Buffer> {
  const t = labels[context.locale];
  const l = context.locale;
  const doc = new PDFDocument({ size: 'A4', margin, bufferPages: true, compress: options.compress ?? true, info: { Title: draft.title[l], Author: context.organisationName, Creator: 'Breachdesk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * margin;

  doc.font('Helvetica-Bold').fontSize(15).text(draft.title[l], { width });
  doc.font('Helvetica').fontSize(9).moveDown(0.3);
  doc.text(`${t.recipient}: ${draft.recipient[l]}`, { width });
  doc.text(`${context.organisationName} · ${t.case} ${context.caseReference}`, { width });
  doc.text(`${t.drafted}: ${draft.createdAt} · ${t.submitted}: ${draft.submittedAt ? `${draft.submittedAt} (${t.reference} ${draft.apReference ?? ''})` : t.notSubmitted}`, { width });
  doc.font('Helvetica-Bold').text(t.missing(draft.missingCount), { width });
  doc.moveDown(0.8);

  for (const section of draft.sections) {
    if (doc.y > doc.page.height - margin - 80) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(section.title[l], margin, doc.y, { width });
    doc.moveDown(0.3);
    for (const item of section.answers) {
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#333333').text(item.question[l], margin, doc.y, { width });
      doc.font('Helvetica').fontSize(10);
      const height = doc.heightOfString(item.answer[l], { width: width - 8 }) + 6;
      if (doc.y + height > doc.page.height - margin) doc.addPage();
      const top = doc.y;
      if (item.missing) doc.rect(margin, top, width, height).fillColor('#fff3a0').fill();
      doc.fillColor(item.missing ? '#8a5a00' : 'black').text(item.answer[l], margin + 4, top + 3, { width: width - 8 });
      doc.x = margin;
      doc.y = top + height + 4;
    }
    doc.moveDown(0.5);
  }

  if (draft.changes.length > 0) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(t.changes, { width });
    doc.moveDown(0.3);
    for (const change of draft.changes) {
      doc.font('Helvetica-Bold').fontSize(9).text(`${change.sectionId}. ${change.question[l]}`, margin, doc.y, { width });
      doc.font('Helvetica').fontSize(9).text(`${t.before}: ${change.before?.[l] ?? t.empty}`, { width });
      doc.text(`${t.after}: ${change.after?.[l] ?? t.empty}`, { width });
      doc.moveDown(0.4);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page for the footer itself.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('black').text(t.page(i + 1, range.count), margin, doc.page.height - margin + 10, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
