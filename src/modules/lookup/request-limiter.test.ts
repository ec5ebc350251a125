import { describe, expect, it } from 'vitest';
import { createRequestLimiter } from './request-limiter.ts';

describe('request limiter', () => {
  it('allows max requests per key per window, then again in the next window', () => {
    const limiter = createRequestLimiter({ max: 2, windowMs: 1000 });
    expect([limiter.allow('a', 0), limiter.allow('a', 10), limiter.allow('a', 20)]).toEqual([true, true, false]);
    expect(limiter.allow('b', 20)).toBe(true);
    expect(limiter.allow('a', 1000)).toBe(true);
  });

  it('forgets expired keys and refuses new keys beyond its cap', () => {
    const limiter = createRequestLimiter({ max: 5, windowMs: 1000 }, { maxKeys: 2 });
    expect(limiter.allow('a', 0)).toBe(true);
    expect(limiter.allow('b', 0)).toBe(true);
    expect(limiter.allow('c', 0)).toBe(false);
    expect(limiter.allow('c', 1500)).toBe(true);
    expect(limiter.size()).toBe(1);
  });
});
