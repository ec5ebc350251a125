import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIpAddress, maskIpAddress, normaliseIpAddress, validateIpAddress } from './ip-address.recognizer.ts';

describe('ip address recognizer', () => {
  it('accepts IPv4 and writes IPv6 in its canonical compressed form', () => {
    expect(normaliseIpAddress(' 81.204.12.3 ')).toBe('81.204.12.3');
    expect(normaliseIpAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normaliseIpAddress('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normaliseIpAddress('fe80::1%eth0')).toBe('fe80::1');
  });

  it('rejects out-of-range octets, leading zeros and non-addresses', () => {
    expect(validateIpAddress('256.1.1.1')).toEqual({ valid: false, reason: 'not_ip_address' });
    expect(validateIpAddress('010.1.1.1')).toEqual({ valid: false, reason: 'not_ip_address' });
    expect(validateIpAddress('1.2.3')).toEqual({ valid: false, reason: 'not_ip_address' });
    expect(validateIpAddress('2001:db8:::1')).toEqual({ valid: false, reason: 'not_ip_address' });
  });

  it('tells public addresses from private, loopback and link-local ones', () => {
    expect(describeIpAddress('81.204.12.3')).toEqual({ version: 4, scope: 'public' });
    expect(describeIpAddress('192.168.1.10').scope).toBe('private');
    expect(describeIpAddress('100.64.0.1').scope).toBe('private');
    expect(describeIpAddress('127.0.0.1').scope).toBe('loopback');
    expect(describeIpAddress('fd00::1').scope).toBe('private');
    expect(describeIpAddress('fe80::1').scope).toBe('link_local');
    expect(describeIpAddress('2a02:a440::1')).toEqual({ version: 6, scope: 'public' });
    expect(describeIpAddress(normaliseIpAddress('::ffff:192.168.1.1') ?? '').scope).toBe('private');
  });

  it('masks the host part', () => {
    expect(maskIpAddress('81.204.12.3')).toBe('81.204.•.•');
    expect(maskIpAddress('2a02:a440::1')).toBe('2a02:a440:•••');
  });

  it('never throws on arbitrary strings and normalises idempotently', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4(), fc.ipV6()), (value) => {
        const normalised = normaliseIpAddress(value);
        if (normalised !== null) expect(normaliseIpAddress(normalised)).toBe(normalised);
        expect(typeof validateIpAddress(value).valid).toBe('boolean');
      }),
    );
  });
});
