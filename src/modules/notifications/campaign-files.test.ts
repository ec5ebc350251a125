import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ProgressView } from './campaigns.schemas.ts';
import { parseMessageId } from './bounces.service.ts';
import { deliveryReportCsv, redactReason, toReportFailure, type DeliveryReport } from './delivery-report.ts';
import { renderDeliveryReportPdf } from './delivery-report-pdf.ts';
import { lettersToCsv } from './letters-csv.ts';
import { addressWindow, renderLettersPdf, type PrintedLetter } from './letters-pdf.ts';
import { envelopeLines, parsePostalAddress } from './postal-address.ts';

/** The text drawn on each page with its position, read from an uncompressed pdfkit file (hex-encoded TJ strings). */
function textsOnPages(pdf: Buffer): Array<Array<{ x: number; y: number; text: string }>> {
  const source = pdf.toString('latin1');
  const pages = source.split(/\/Type \/Page\b/).length - 1;
  const streams = [...source.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1]!).filter((s) => s.includes(' Tm'));
  expect(streams).toHaveLength(pages);
  return streams.map((stream) =>
    [...stream.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm[\s\S]*?\[([^\]]*)\] TJ/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: [...m[3]!.matchAll(/<([0-9a-f]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
    })),
  );
}

const mm = 72 / 25.4;
const a4Height = 841.89;

function letter(n: number, overrides: Partial<PrintedLetter> = {}): PrintedLetter {
  return {
    reference: `ref-${n}`,
    language: 'nl',
    organisation: 'Belmij',
    caseReference: 'BD-2026-0001',
    date: '24 november 2026',
    envelope: envelopeLines(`Naam ${n}`, parsePostalAddress(`Dorpsstraat ${n}, 1234 AB Dorp`)),
    subject: 'Datalek bij Belmij',
    body: `Beste Naam ${n},\n\nEr is een datalek geweest.`,
    ...overrides,
  };
}

describe('postal addresses', () => {
  it('splits a Dutch address into street, postcode and city, and prints postcode and city as PostNL asks', () => {
    const address = parsePostalAddress('Dorpsstraat 1, 1234ab Dorp');
    expect(address).toEqual({ lines: ['Dorpsstraat 1'], postcode: '1234 AB', city: 'Dorp', country: 'NL' });
    expect(envelopeLines('J. Jansen', address)).toEqual(['J. Jansen', 'Dorpsstraat 1', '1234 AB  DORP']);
  });

  it('keeps extra lines, reads a country on the last line and names it on the envelope', () => {
    const address = parsePostalAddress('t.a.v. de bewoner\nKerkstraat 12 bus 3\n2000 Antwerpen\nBelgië');
    expect(address).toEqual({ lines: ['t.a.v. de bewoner', 'Kerkstraat 12 bus 3'], postcode: '2000', city: 'Antwerpen', country: 'BE' });
    expect(envelopeLines(null, address)).toEqual(['t.a.v. de bewoner', 'Kerkstraat 12 bus 3', '2000  ANTWERPEN', 'BELGIË']);
  });

  it('falls back to the stored postcode when the address has none', () => {
    expect(parsePostalAddress('Hoofdweg 5, Amsterdam', '1011 aa')).toEqual({ lines: ['Hoofdweg 5'], postcode: '1011 AA', city: 'Amsterdam', country: 'NL' });
  });
});

describe('letters', () => {
  it('puts one letter on each A4 page with the address inside the envelope window', async () => {
    const pdf = await renderLettersPdf([letter(1), letter(2), letter(3)], { title: 'Brieven', emptyText: '', compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = textsOnPages(pdf);
    expect(pages).toHaveLength(3);
    pages.forEach((texts, i) => {
      const name = texts.find((t) => t.text === `Naam ${i + 1}`)!;
      const place = texts.find((t) => t.text === '1234 AB  DORP')!;
      for (const line of [name, place]) {
        expect(line.x).toBeGreaterThanOrEqual(addressWindow.left);
        expect(line.x).toBeLessThan(addressWindow.left + 10 * mm);
        // PDF y runs upwards from the bottom; the window is 50 to 90 mm from the top.
        expect(a4Height - line.y).toBeGreaterThan(addressWindow.top);
        expect(a4Height - line.y).toBeLessThan(addressWindow.top + addressWindow.height);
      }
      expect(Math.abs(name.x - 23 * mm)).toBeLessThan(1);
      expect(texts.some((t) => t.text.includes(`ref-${i + 1}`))).toBe(true);
      expect(texts.some((t) => t.text.includes(`Naam ${(i + 1) % 3 + 1}`))).toBe(false);
    });
  });

  it('sets a long letter smaller instead of running onto a second page', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Regel ${i} van een lange brief over het datalek en wat u moet doen.`).join('\n');
    const pages = textsOnPages(await renderLettersPdf([letter(1, { body: lines(55) })], { title: 'Brieven', emptyText: '', compress: false }));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.some((t) => t.text.includes('Regel 54'))).toBe(true);
    await expect(renderLettersPdf([letter(1, { body: lines(200) })], { title: 'Brieven', emptyText: '' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists the same letters for a mail house, one row each, without letting a cell run as a formula', () => {
    const csv = lettersToCsv([
      { reference: 'r1', name: '=HYPERLINK("x")', address: parsePostalAddress('Dorpsstraat 1, 1234 AB Dorp'), language: 'nl' },
      { reference: 'r2', name: 'Ann Smith', address: parsePostalAddress('Flat 2\nHigh Street 5\nBuilding C\nWing D\n1011 AA Amsterdam'), language: 'en' },
    ]);
    expect(csv.startsWith('\ufeffreference,name,address_line_1,address_line_2,address_line_3,postcode,city,country,language\r\n')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { reference: 'r1', name: `'=HYPERLINK("x")`, address_line_1: 'Dorpsstraat 1', address_line_2: '', address_line_3: '', postcode: '1234 AB', city: 'Dorp', country: 'NL', language: 'nl' },
      { reference: 'r2', name: 'Ann Smith', address_line_1: 'Flat 2', address_line_2: 'High Street 5', address_line_3: 'Building C, Wing D', postcode: '1011 AA', city: 'Amsterdam', country: 'NL', language: 'en' },
    ]);
  });
});

describe('delivery report', () => {
  const progress: ProgressView = {
    campaignId: 'c1',
    state: 'completed',
    total: 3,
    byStatus: { pending: 0, claimed: 0, accepted: 2, unknown: 0, deferred: 0, bounced: 1, fallen_back: 1 },
    byChannel: { email: { accepted: 1, fallen_back: 1 }, sms: { accepted: 1 }, letter: { bounced: 1 } },
    sent: 2,
    pending: 0,
    failed: 1,
    claimedTwice: 0,
    ratePerSecond: 0,
    secondsLeft: 0,
  };
  const failureRow = { id: 'row-1', affected_person_id: 'p1', channel: 'email' as const, state: 'fallen_back' as const, attempts: 1, last_response: '550 5.1.1 <jan@example.nl>: Recipient address rejected; call +31 6 12345678', updated_at: '2026-03-02T10:05:00.000Z' };
  const report = (withContact: boolean): DeliveryReport => ({
    campaign: { id: 'c1', caseId: 'k1', name: 'Wave 1', brand: 'Belmij', state: 'completed', approvedBy: 'u2', approvedAt: '2026-03-02T09:00:00.000Z', startedAt: '2026-03-02T09:10:00.000Z', finishedAt: '2026-03-02T11:00:00.000Z' },
    caseReference: 'BD-2026-0001',
    generatedAt: '2026-03-03T08:00:00.000Z',
    progress,
    timeline: { firstSentAt: '2026-03-02T09:10:01.000Z', lastSentAt: '2026-03-02T10:59:00.000Z', perHour: [{ hour: '2026-03-02T09', count: 1 }, { hour: '2026-03-02T10', count: 1 }] },
    failures: [toReportFailure(failureRow, withContact ? 'jan@example.nl' : undefined)],
  });

  it('keeps the reason of a failure but not the address or number quoted in it', () => {
    expect(redactReason(failureRow.last_response)).toBe('550 5.1.1 <[address]>: Recipient address rejected; call [number]');
  });

  it('writes counts, the timeline and failures by row reference, with contact details only when asked', () => {
    const rows = parse(deliveryReportCsv(report(false), { withContact: false }).slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).not.toContain('contact');
    expect(rows.filter((r) => r.section === 'summary').map((r) => [r.state, r.count || r.at])).toEqual([
      ['people', '3'],
      ['sent', '2'],
      ['pending', '0'],
      ['failed', '1'],
      ['claimed_twice', '0'],
      ['first_sent', '2026-03-02T09:10:01.000Z'],
      ['last_sent', '2026-03-02T10:59:00.000Z'],
    ]);
    expect(rows.filter((r) => r.section === 'count').map((r) => `${r.channel}:${r.state}=${r.count}`)).toEqual(['email:accepted=1', 'email:fallen_back=1', 'letter:bounced=1', 'sms:accepted=1']);
    expect(rows.filter((r) => r.section === 'hour').map((r) => `${r.hour}=${r.count}`)).toEqual(['2026-03-02T09:00Z=1', '2026-03-02T10:00Z=1']);
    const failures = rows.filter((r) => r.section === 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reference: 'row-1', channel: 'email', state: 'fallen_back', attempts: '1' });
    expect(JSON.stringify(rows)).not.toContain('jan@example.nl');

    const withContact = parse(deliveryReportCsv(report(true), { withContact: true }).slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(withContact.find((r) => r.section === 'failure')).toMatchObject({ contact: 'jan@example.nl', reason: failureRow.last_response });
  });

  it('renders the report as a PDF with the failures and a page footer', async () => {
    const pdf = await renderDeliveryReportPdf(report(false), { locale: 'en', timeZone: 'Europe/Amsterdam', compress: false });
    const texts = textsOnPages(pdf).flat().map((t) => t.text).join('\n');
    expect(texts).toContain('Delivery report');
    expect(texts).toContain('row-1');
    expect(texts).toContain('BD-2026-0001');
    expect(texts).not.toContain('jan@example.nl');
  });
});

describe('bounce Message-IDs', () => {
  it('reads campaign, person and channel from a Message-ID with or without angle brackets', () => {
    expect(parseMessageId('<0193a-c.0193b-p.email@belmij.test>')).toEqual({ campaignId: '0193a-c', personId: '0193b-p', channel: 'email' });
    expect(parseMessageId('0193a-c.0193b-p.sms@belmij.test')).toEqual({ campaignId: '0193a-c', personId: '0193b-p', channel: 'sms' });
    expect(parseMessageId('<random@mail.example>')).toBeNull();
    expect(parseMessageId('<a.b.fax@x>')).toBeNull();
  });
});
