import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, errorFromResponse, readCookie } from './api.ts';

interface Seen {
  path: string;
  init: RequestInit;
}

function fakeServer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const client = createApiClient({
    cookies: () => 'theme=dark; bd_csrf=tok%2Ben; other=1',
    fetch: async (path, init) => {
      seen.push({ path, init });
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      return new Response(status === 204 ? null : text, { status, headers });
    },
  });
  return { client, seen };
}

describe('readCookie', () => {
  it('finds a cookie by exact name and decodes it', () => {
    expect(readCookie('a=1; bd_csrf=x%3Dy', 'bd_csrf')).toBe('x=y');
    expect(readCookie('xbd_csrf=1', 'bd_csrf')).toBeUndefined();
    expect(readCookie('', 'bd_csrf')).toBeUndefined();
  });
});

describe('api client', () => {
  it('sends the CSRF cookie as a header on changes, with a JSON body', async () => {
    const { client, seen } = fakeServer(200, { user: { id: 'u1' } });
    await client.signIn('a@example.org', 'secret');
    const headers = seen[0]?.init.headers as Record<string, string>;
    expect(seen[0]?.init.method).toBe('POST');
    expect(headers['x-csrf-token']).toBe('tok+en');
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ email: 'a@example.org', password: 'secret' });
  });

  it('does not send the CSRF header on reads', async () => {
    const { client, seen } = fakeServer(200, { cases: [] });
    await client.listCases();
    expect((seen[0]?.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('accepts an empty 204 answer', async () => {
    const { client, seen } = fakeServer(204, undefined);
    await expect(client.removeBrand('b/1')).resolves.toBeUndefined();
    expect(seen[0]?.path).toBe('/api/organisation/brands/b%2F1');
    expect(seen[0]?.init.method).toBe('DELETE');
  });

  it('turns an error body into an ApiError with code, issues and wait time', async () => {
    const { client } = fakeServer(429, {
      error: { code: 'too_many_requests', message: 'Wait', issues: [], details: { retryAfterSeconds: 90 } },
    });
    const error = await client.signIn('a@example.org', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'too_many_requests', message: 'Wait', retryAfterSeconds: 90 });
  });

  it('keeps field issues from a validation error', async () => {
    const { client } = fakeServer(400, {
      error: { code: 'validation_failed', message: 'Invalid', issues: [{ field: 'email', message: 'is not an e-mail address' }] },
    });
    const error = (await client.createUser({ email: 'x', displayName: 'X', role: 'auditor' }).catch((e: unknown) => e)) as ApiError;
    expect(error.issues).toEqual([{ field: 'email', message: 'is not an e-mail address' }]);
  });

  it('makes an ApiError of a body that is not ours', async () => {
    const { client } = fakeServer(502, '<html>Bad gateway</html>', { 'retry-after': '5' });
    const error = (await client.getSession().catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 502, code: 'internal', issues: [], retryAfterSeconds: 5 });
  });

  it('reports an unreachable server as a network error', async () => {
    const client = createApiClient({
      cookies: () => '',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(client.getSession()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('errorFromResponse', () => {
  it('prefers the details over the Retry-After header', () => {
    const error = errorFromResponse(429, { error: { code: 'too_many_requests', message: 'm', issues: [], details: { retryAfterSeconds: 7 } } }, '60');
    expect(error.retryAfterSeconds).toBe(7);
  });
});
