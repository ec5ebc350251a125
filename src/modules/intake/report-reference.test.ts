import { describe, expect, it } from 'vitest';
import { isReportReference, newReportReference } from './report-reference.ts';

describe('report references', () => {
  it('look like MLD-XXXX-XXXX without ambiguous characters', () => {
    for (let i = 0; i < 500; i += 1) {
      const reference = newReportReference();
      expect(isReportReference(reference)).toBe(true);
      expect(reference.slice(4)).not.toMatch(/[01ILOU]/);
    }
  });

  it('differ from one another', () => {
    expect(new Set(Array.from({ length: 1000 }, () => newReportReference())).size).toBe(1000);
  });
});
