import { describe, expect, it } from 'vitest';
import { describeExposedData } from './exposed-data-phrases.ts';
import { channelsFor, classifySmtpError, messageIdFor, nextChannel, warmUpRate } from './recipient-routing.ts';
import { compileTemplate } from './template-renderer.ts';

const values = { name: '<b>Jan</b> & co', exposed_data: 'uw naam', contact: 'c', reference: 'BD-1', organisation: 'Belmij', date: '2026-01-01', url: 'https://x' };

describe('compileTemplate', () => {
  it('fills fields in the text and escapes everything in the HTML part', () => {
    const template = compileTemplate('Beste {{ name }},\n\n<i>{{exposed_data}}</i>');
    expect(template.render(values)).toBe('Beste <b>Jan</b> & co,\n\n<i>uw naam</i>');
    const html = template.renderHtml(values);
    expect(html).toContain('Beste &lt;b&gt;Jan&lt;/b&gt; &amp; co,');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
  });
  it('refuses an unknown placeholder', () => {
    expect(() => compileTemplate('Hi {{iban}}')).toThrow(/Unknown placeholder/);
  });
});

describe('describeExposedData', () => {
  it('names each of the person’s own categories in plain words', () => {
    expect(describeExposedData(['name', 'iban', 'bsn'], 'nl')).toBe('uw naam, uw bankrekeningnummer (IBAN) en uw burgerservicenummer (BSN)');
    expect(describeExposedData(['email'], 'en')).toBe('your e-mail address');
    expect(describeExposedData(['shoe_size'], 'en')).toBe('shoe size');
  });
});

describe('routing', () => {
  const everyone = { hasEmail: true, hasMobile: true, hasAddress: true, vulnerable: [] as string[] };
  it('follows the order over the channels a person can be reached on', () => {
    expect(channelsFor(everyone, ['email', 'sms', 'letter'], 'same')).toEqual(['email', 'sms', 'letter']);
    expect(channelsFor({ ...everyone, hasEmail: false }, ['email', 'sms', 'letter'], 'same')).toEqual(['sms', 'letter']);
    expect(nextChannel(everyone, ['email', 'sms'], 'same', 'email')).toBe('sms');
    expect(nextChannel(everyone, ['email', 'sms'], 'same', 'sms')).toBeNull();
  });
  it('routes people over 80 to a letter or a phone call when asked, and otherwise keeps the order', () => {
    const old = { ...everyone, vulnerable: ['aged_80_plus'] };
    expect(channelsFor(old, ['email', 'sms', 'letter'], 'letter')).toEqual(['letter']);
    expect(channelsFor(old, ['email'], 'phone')).toEqual(['phone']);
    expect(channelsFor({ ...old, hasAddress: false }, ['email', 'sms'], 'letter')).toEqual(['email', 'sms']);
  });
  it('gives a deterministic Message-ID per person and channel', () => {
    expect(messageIdFor('c1', 'p1', 'email', 'belmij.nl')).toBe('<c1.p1.email@belmij.nl>');
  });
  it('ramps the rate up along the warm-up schedule', () => {
    const schedule = [
      { afterMinutes: 0, perSecond: 10 },
      { afterMinutes: 10, perSecond: 100 },
    ];
    expect(warmUpRate(schedule, 0)).toBe(10);
    expect(warmUpRate(schedule, 9 * 60_000)).toBe(10);
    expect(warmUpRate(schedule, 10 * 60_000)).toBe(100);
  });
  it('sorts SMTP failures into bounced, deferred and unknown', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 no such user' }).kind).toBe('bounced');
    expect(classifySmtpError({ responseCode: 421, response: '421 try later' }).kind).toBe('deferred');
    expect(classifySmtpError({ code: 'ETIMEDOUT', command: 'DATA' }).kind).toBe('unknown');
    expect(classifySmtpError({ code: 'ECONNREFUSED', command: 'CONN' }).kind).toBe('deferred');
  });
});
