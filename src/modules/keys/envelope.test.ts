import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, newDataKey, unwrapDataKey, wrapDataKey } from './envelope.ts';

describe('envelope encryption', () => {
  const kek = newDataKey();

  it('wraps and unwraps a data key, bound to its own id', () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(kek, dataKey, 'key-1');
    expect(wrapped).not.toContain(dataKey.toString('base64'));
    expect(unwrapDataKey(kek, wrapped, 'key-1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(kek, wrapped, 'key-2')).toThrow();
    expect(() => unwrapDataKey(newDataKey(), wrapped, 'key-1')).toThrow();
  });

  it('encrypts values with a fresh IV each time and detects tampering', () => {
    const dataKey = newDataKey();
    const a = encryptValue(dataKey, 'jan@example.nl');
    const b = encryptValue(dataKey, 'jan@example.nl');
    expect(a).not.toBe(b);
    expect(a).not.toContain('jan');
    expect(decryptValue(dataKey, a)).toBe('jan@example.nl');
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptValue(dataKey, `v1:${raw.toString('base64')}`)).toThrow();
  });
});
