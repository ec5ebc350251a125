import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimFromConfig } from './dkim-config.ts';
import { createSmtpChannel } from './email-channel.ts';
import { startSmtpSink, type TestSmtpSink } from './notifications.fixtures.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const none = { MAIL_DKIM_DOMAIN: '', MAIL_DKIM_SELECTOR: '', MAIL_DKIM_KEY_FILE: '' };
const full = { MAIL_DKIM_DOMAIN: 'belmij.test', MAIL_DKIM_SELECTOR: 'wave2026', MAIL_DKIM_KEY_FILE: 'dkim.pem' };

describe('DKIM settings', () => {
  it('signs nothing when none is given', () => {
    expect(dkimFromConfig(none)).toBeUndefined();
  });

  it('refuses half a configuration by naming what is missing', () => {
    expect(() => dkimFromConfig({ ...none, MAIL_DKIM_DOMAIN: 'belmij.test' })).toThrow('MAIL_DKIM_SELECTOR and MAIL_DKIM_KEY_FILE');
  });

  it('refuses a key file that cannot be read or holds no private key', () => {
    expect(() =>
      dkimFromConfig(full, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow('MAIL_DKIM_KEY_FILE cannot be read');
    expect(() => dkimFromConfig(full, () => 'not a key')).toThrow('does not hold a PEM private key');
  });
});

describe('DKIM signing of campaign e-mail', () => {
  let sink: TestSmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());

  it('puts a DKIM-Signature for the configured domain and selector on each message', async () => {
    const dkim = dkimFromConfig(full, () => privateKey);
    const channel = createSmtpChannel({ url: `smtp://127.0.0.1:${sink.port}`, from: 'Belmij <privacy@belmij.test>', ...(dkim ? { dkim } : {}) });
    try {
      const outcome = await channel.send({ to: 'jan@example.test', subject: 'Datalek', text: 'Beste Jan,', html: '<p>Beste Jan,</p>', messageId: '<c1.p1.email@belmij.test>' });
      expect(outcome.kind).toBe('accepted');
    } finally {
      await channel.close();
    }
    const raw = sink.received.at(-1)!.raw;
    expect(raw).toMatch(/^DKIM-Signature: .*d=belmij\.test/im);
    expect(raw).toMatch(/s=wave2026/);
  });
});
