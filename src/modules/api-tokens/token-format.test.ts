import { describe, expect, it } from 'vitest';
import { hashApiToken, looksLikeApiToken, newApiToken } from './token-format.ts';

describe('API token format', () => {
  it('creates bd_<prefix>_<secret> tokens whose hash is the stored value', () => {
    const created = newApiToken();
    expect(created.token.startsWith(`bd_${created.prefix}_`)).toBe(true);
    expect(looksLikeApiToken(created.token)).toBe(true);
    expect(created.hash).toBe(hashApiToken(created.token));
    expect(created.hash).not.toContain(created.token.slice(12));
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newApiToken().token));
    expect(tokens.size).toBe(200);
  });

  it('rejects values of another shape', () => {
    expect(looksLikeApiToken('bd_short_x')).toBe(false);
    expect(looksLikeApiToken('Bearer abc')).toBe(false);
    expect(looksLikeApiToken(`xx_abcdefgh_${'a'.repeat(43)}`)).toBe(false);
  });
});
