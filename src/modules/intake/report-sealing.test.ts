import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openReportFields, sealReportFields } from './report-sealing.ts';

describe('report sealing', () => {
  const plain = { description: 'Lijst met NL91ABNA0417164300 verstuurd', reporter_name: 'Jan Jansen', reporter_email: 'jan@example.nl', reporter_phone: null, reference: 'MLD-AAAA-BBBB' };

  it('encrypts the text and the contact details, leaves absent values absent, and opens them again', () => {
    const key = randomBytes(32);
    const sealed = { ...plain, ...sealReportFields(key, plain) };
    expect(JSON.stringify(sealed)).not.toMatch(/NL91|Jansen|jan@/);
    expect(sealed.reporter_phone).toBeNull();
    expect(sealed.reference).toBe(plain.reference);
    expect(openReportFields(key, sealed)).toEqual(plain);
  });

  it('reads a row written before encryption as it is, and refuses the wrong key', () => {
    expect(openReportFields(null, plain)).toEqual(plain);
    const sealed = { ...plain, ...sealReportFields(randomBytes(32), plain) };
    expect(() => openReportFields(randomBytes(32), sealed)).toThrow();
  });
});
