import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, exponentialBackoff } from './job-definition.ts';
import { describeJobError } from './worker.ts';

describe('exponentialBackoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const backoff = exponentialBackoff({ baseMs: 1000, maxMs: 5000 });
    expect([1, 2, 3, 4, 5].map(backoff)).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('defineJob', () => {
  const handle = async () => {};
  it('fills in a retry policy', () => {
    const job = defineJob({ name: 'notify-authority', payload: z.object({}), handle });
    expect(job.maxAttempts).toBe(5);
    expect(job.backoff(1)).toBe(30_000);
  });
  it('rejects a name that is not kebab-case and a maxAttempts below one', () => {
    expect(() => defineJob({ name: 'Send Mail', payload: z.object({}), handle })).toThrow(/kebab-case/);
    expect(() => defineJob({ name: 'send-mail', payload: z.object({}), maxAttempts: 0, handle })).toThrow(/maxAttempts/);
  });
});

describe('describeJobError', () => {
  it('keeps the message but not the stack, and bounds the length', () => {
    const error = new TypeError('bad thing');
    expect(describeJobError(error)).toBe('TypeError: bad thing');
    expect(describeJobError(new Error('x'.repeat(5000))).length).toBe(2000);
    expect(describeJobError({ secret: 'anna@example.org' })).toBe('non-error value thrown (object)');
  });
});
