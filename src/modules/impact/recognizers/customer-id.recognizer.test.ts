import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerIdRecognizer, normaliseCustomerId, validateCustomerId } from './customer-id.recognizer.ts';

describe('customer id recognizer', () => {
  it('accepts account-style keys with at least one digit', () => {
    expect(validateCustomerId('123456789')).toEqual({ valid: true });
    expect(normaliseCustomerId(' kl-2024/0042 ')).toBe('KL-2024/0042');
    expect(validateCustomerId('C000123')).toEqual({ valid: true });
  });

  it('rejects words, short codes and long text', () => {
    expect(validateCustomerId('ABCDEF')).toEqual({ valid: false, reason: 'not_identifier_shape' });
    expect(validateCustomerId('12')).toEqual({ valid: false, reason: 'not_identifier_shape' });
    expect(validateCustomerId('jan de vries 12')).toEqual({ valid: false, reason: 'not_identifier_shape' });
  });

  it('needs its header, because order and invoice numbers look the same', () => {
    expect(customerIdRecognizer.needsHeader).toBe(true);
  });

  it('masks the middle', () => {
    expect(customerIdRecognizer.mask('123456789')).toBe('12•••••89');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (value) => typeof validateCustomerId(value).valid === 'boolean'));
  });
});
