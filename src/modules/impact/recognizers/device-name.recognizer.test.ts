import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceNameRecognizer, extractOwnerName, maskDeviceName, validateDeviceName } from './device-name.recognizer.ts';

describe('device name recognizer', () => {
  it('finds the person in Dutch and English device names', () => {
    expect(extractOwnerName('iPhone van Jan')).toBe('Jan');
    expect(extractOwnerName('Galaxy-S21-van-Sanne')).toBe('Sanne');
    expect(extractOwnerName('MacBook Pro van de Vries')).toBe('Vries');
    expect(extractOwnerName("Jan's iPhone")).toBe('Jan');
    expect(extractOwnerName('Pieters-iPad')).toBe('Pieter');
    expect(extractOwnerName('iphone-van-fatima')).toBe('fatima');
    expect(extractOwnerName('Pixel 7 of Anna')).toBe('Anna');
  });

  it('has the shape but no person in generic names', () => {
    expect(validateDeviceName('iPhone van Jan')).toEqual({ valid: true });
    expect(validateDeviceName('DESKTOP-7F3K2L')).toEqual({ valid: false, reason: 'no_person_name' });
    expect(validateDeviceName('Samsung Galaxy S21')).toEqual({ valid: false, reason: 'no_person_name' });
    expect(validateDeviceName('iPad van mama')).toEqual({ valid: false, reason: 'no_person_name' });
    expect(validateDeviceName('Jan de Vries')).toEqual({ valid: false, reason: 'not_device_name' });
  });

  it('masks the person’s name only', () => {
    expect(maskDeviceName('iPhone van Jan')).toBe('iPhone van J•••');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (value) => typeof deviceNameRecognizer.validate(value).valid === 'boolean'));
  });
});
