import { describe, expect, it } from 'vitest';
import { nextReference } from './case-reference.ts';

describe('nextReference', () => {
  it('starts each year at 0001', () => {
    expect(nextReference(2026, undefined)).toBe('BD-2026-0001');
  });

  it('counts up from the last reference of the year', () => {
    expect(nextReference(2026, 'BD-2026-0041')).toBe('BD-2026-0042');
  });

  it('grows past four digits instead of wrapping', () => {
    expect(nextReference(2026, 'BD-2026-9999')).toBe('BD-2026-10000');
  });

  it('ignores a reference from another year', () => {
    expect(nextReference(2027, 'BD-2026-0012')).toBe('BD-2027-0001');
  });
});
