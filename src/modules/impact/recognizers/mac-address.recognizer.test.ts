import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeMacAddress,
  LOCALLY_ADMINISTERED_MAC_REGEX_SOURCE,
  maskMacAddress,
  normaliseMacAddress,
  validateMacAddress,
} from './mac-address.recognizer.ts';

describe('mac address recognizer', () => {
  it('normalises the colon, dash, dotted and bare notations', () => {
    expect(normaliseMacAddress('00:1A:2B:3C:4D:5E')).toBe('00:1a:2b:3c:4d:5e');
    expect(normaliseMacAddress('00-1a-2b-3c-4d-5e')).toBe('00:1a:2b:3c:4d:5e');
    expect(normaliseMacAddress('001a.2b3c.4d5e')).toBe('00:1a:2b:3c:4d:5e');
    expect(normaliseMacAddress('001A2B3C4D5E')).toBe('00:1a:2b:3c:4d:5e');
  });

  it('rejects mixed separators, wrong lengths, zero and broadcast', () => {
    expect(normaliseMacAddress('00:1a-2b:3c:4d:5e')).toBeNull();
    expect(validateMacAddress('00:1a:2b:3c:4d')).toEqual({ valid: false, reason: 'not_mac_shape' });
    expect(validateMacAddress('00:00:00:00:00:00')).toEqual({ valid: false, reason: 'all_zero' });
    expect(validateMacAddress('FF:FF:FF:FF:FF:FF')).toEqual({ valid: false, reason: 'broadcast' });
  });

  it('flags locally administered (randomised) addresses by the second hex digit 2, 6, a or e', () => {
    const pattern = new RegExp(LOCALLY_ADMINISTERED_MAC_REGEX_SOURCE);
    for (const digit of '0123456789abcdef') {
      const mac = `0${digit}:1a:2b:3c:4d:5e`;
      // 3, 7, b and f also set the local bit, but on multicast addresses, never a device's own.
      expect(describeMacAddress(mac).locallyAdministered).toBe('2367abef'.includes(digit));
      expect(pattern.test(mac)).toBe('26ae'.includes(digit));
    }
    expect(describeMacAddress('da:a1:19:00:00:01')).toEqual({ locallyAdministered: true, multicast: false, oui: null });
    expect(describeMacAddress('00:1a:2b:3c:4d:5e')).toEqual({ locallyAdministered: false, multicast: false, oui: '00:1a:2b' });
  });

  it('keeps only the vendor prefix when masked', () => {
    expect(maskMacAddress('00:1a:2b:3c:4d:5e')).toBe('00:1a:2b:••:••:••');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const normalised = normaliseMacAddress(value);
        if (normalised !== null) expect(normalised).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
        expect(typeof validateMacAddress(value).valid).toBe('boolean');
      }),
    );
  });
});
