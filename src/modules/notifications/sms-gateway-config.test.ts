import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createSmsGatewayFromConfig } from './sms-gateway-config.ts';

describe('SMS gateway from the configuration', () => {
  const received: Array<{ authorization: string | undefined; body: Record<string, string> }> = [];
  let url = '';
  const gateway = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ authorization: request.headers.authorization, body: JSON.parse(body) as Record<string, string> });
      response.writeHead(202).end('queued');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  it('has no SMS channel without SMS_GATEWAY_URL', () => {
    expect(createSmsGatewayFromConfig(loadConfig({}))).toBeNull();
  });

  it('sends with the configured token and sender name', async () => {
    const sms = createSmsGatewayFromConfig(loadConfig({ SMS_GATEWAY_URL: url, SMS_GATEWAY_TOKEN: 'secret-token', SMS_SENDER_NAME: 'Belmij' }))!;
    const outcome = await sms.send({ to: '+31612345678', text: 'Datalek bij Belmij', reference: '<c.p.sms@belmij.test>' });
    expect(outcome).toEqual({ kind: 'accepted', response: '202 queued' });
    expect(received.at(-1)).toEqual({ authorization: 'Bearer secret-token', body: { to: '+31612345678', text: 'Datalek bij Belmij', reference: '<c.p.sms@belmij.test>', from: 'Belmij' } });
  });

  it('leaves the sender to the gateway when none is configured, and names a bad sender name at boot', async () => {
    await createSmsGatewayFromConfig(loadConfig({ SMS_GATEWAY_URL: url }))!.send({ to: '+31612345678', text: 't', reference: 'r' });
    expect(received.at(-1)).toEqual({ authorization: undefined, body: { to: '+31612345678', text: 't', reference: 'r' } });
    expect(() => loadConfig({ SMS_SENDER_NAME: 'Much too long a name' })).toThrow(/SMS_SENDER_NAME/);
  });
});
