import PDFDocument from 'pdfkit';
import { AppError } from '../../shared/app-error.ts';
import type { Language } from './notifications.types.ts';

export interface PrintedLetter {
  /** The outbox row id: printed small on the page so that a returned letter can be traced to its row. */
  reference: string;
  language: Language;
  organisation: string;
  caseReference: string;
  date: string;
  envelope: string[];
  subject: string;
  body: string;
}

const mm = 72 / 25.4;

/**
 * A standard Dutch window envelope (C5/6 and EA5/6, window on the left): the window starts 20 mm from the
 * left edge and 50 mm from the top and is 90 × 40 mm; the address sits 3 mm inside it so that a letter
 * that slides a little in the envelope still shows every line.
 */
export const addressWindow = { left: 20 * mm, top: 50 * mm, width: 90 * mm, height: 40 * mm, inset: 3 * mm } as const;

const pageMargin = 20 * mm;
const bodyTop = 105 * mm;
const footerHeight = 12 * mm;
/** Below this a letter is hard to read for the older people who most often get one. */
const minimumSize = 7;

const labels: Record<Language, { date: string; reference: string; letter: string }> = {
  nl: { date: 'Datum', reference: 'Ons kenmerk', letter: 'Briefnummer' },
  en: { date: 'Date', reference: 'Our reference', letter: 'Letter number' },
};

/**
 * One letter per A4 page, ready for a printer's folding and inserting line. A long text is set smaller
 * rather than spilling onto a second page, which an inserting machine would put in the next envelope.
 * Helvetica's WinAnsi encoding covers Dutch letters such as ë and ï.
 */
export async function renderLettersPdf(letters: readonly PrintedLetter[], options: { title: string; emptyText: string; compress?: boolean }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: pageMargin, autoFirstPage: false, compress: options.compress ?? true, info: { Title: options.title, Creator: 'Breachdesk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const letter of letters) {
    doc.addPage({ size: 'A4', margin: pageMargin });
    // Nothing may flow onto a next page: pdfkit adds one when text passes the bottom margin.
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * pageMargin;
    const t = labels[letter.language];

    doc.font('Helvetica-Bold').fontSize(12).text(letter.organisation, pageMargin, pageMargin, { width, lineBreak: false });

    const windowWidth = addressWindow.width - 2 * addressWindow.inset;
    let y = addressWindow.top + addressWindow.inset;
    doc.font('Helvetica').fontSize(10);
    for (const line of letter.envelope.slice(0, 6)) {
      doc.text(line, addressWindow.left + addressWindow.inset, y, { width: windowWidth, lineBreak: false, ellipsis: true });
      y += 12;
    }

    doc.font('Helvetica').fontSize(9);
    doc.text(`${t.date}: ${letter.date}`, pageMargin, bodyTop - 12 * mm, { width, lineBreak: false });
    doc.text(`${t.reference}: ${letter.caseReference}`, pageMargin, bodyTop - 8 * mm, { width, lineBreak: false });

    doc.font('Helvetica-Bold').fontSize(11).text(letter.subject, pageMargin, bodyTop, { width });
    const textTop = doc.y + 4 * mm;
    const room = doc.page.height - footerHeight - textTop;
    let size = 10;
    doc.font('Helvetica');
    while (size > minimumSize && doc.fontSize(size).heightOfString(letter.body, { width }) > room) size -= 0.5;
    if (doc.fontSize(size).heightOfString(letter.body, { width }) > room) {
      throw new AppError('conflict', `Letter ${letter.reference} does not fit on one page even in ${minimumSize} pt type: shorten the message.`);
    }
    doc.fontSize(size).text(letter.body, pageMargin, textTop, { width });

    doc.font('Helvetica').fontSize(7).text(`${t.letter}: ${letter.reference}`, pageMargin, doc.page.height - footerHeight + 2 * mm, { width, lineBreak: false });
  }
  if (letters.length === 0) {
    doc.addPage({ size: 'A4', margin: pageMargin });
    doc.font('Helvetica').fontSize(10).text(options.emptyText, pageMargin, pageMargin);
  }
  doc.end();
  return done;
}
