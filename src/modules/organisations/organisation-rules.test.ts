import { describe, expect, it } from 'vitest';
import { findRepeatedName, nameKey } from './organisation-rules.ts';

describe('nameKey', () => {
  it('ignores case, surrounding space and repeated inner space', () => {
    expect(nameKey('  Belmij ')).toBe(nameKey('BELMIJ'));
    expect(nameKey('Klant  Contact')).toBe(nameKey('klant contact'));
    expect(nameKey('Belmij')).not.toBe(nameKey('Belmij Zakelijk'));
  });
});

describe('findRepeatedName', () => {
  it('finds a name that repeats an existing one', () => {
    expect(findRepeatedName(['Belmij'], ['Zakelijk', 'belmij'])).toBe(1);
  });

  it('finds a name repeated within the candidates', () => {
    expect(findRepeatedName([], ['A', 'B', ' a '])).toBe(2);
  });

  it('answers -1 when every name is new', () => {
    expect(findRepeatedName(['Belmij'], ['Zakelijk', 'Thuis'])).toBe(-1);
    expect(findRepeatedName([], [])).toBe(-1);
  });
});
