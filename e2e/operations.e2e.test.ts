import { describe, expect, test } from 'vitest';
import { useE2E } from './harness.ts';

describe('operations endpoints and security headers', () => {
  const e2e = useE2E();

  test('/healthz and /readyz answer', async () => {
    const health = await fetch(`${e2e.app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${e2e.app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('the API documentation renders in the browser', async () => {
    const { page } = e2e;
    const response = await page.goto('/api/docs');
    expect(response?.ok()).toBe(true);
    // Swagger UI renders the title from the OpenAPI document with its own script: proof that it ran under its CSP.
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 15_000 }).toContain('Breachdesk API');
    expect(e2e.pageErrors).toEqual([]);

    const spec = await fetch(`${e2e.app.baseUrl}/api/docs/json`);
    expect(spec.status).toBe(200);
    const document = (await spec.json()) as { openapi?: string; info?: { title?: string } };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info?.title).toBe('Breachdesk API');
  });

  test('an unknown /api path answers a JSON 404', async () => {
    const response = await fetch(`${e2e.app.baseUrl}/api/there-is-no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error?: { code?: string; message?: string; issues?: unknown[] } };
    expect(body.error?.code).toBe('not_found');
    expect(body.error?.message).toEqual(expect.any(String));
    expect(body.error?.issues).toEqual([]);
  });

  test('the application page carries the strict security headers', async () => {
    const response = await e2e.page.goto('/');
    expect(response).not.toBeNull();
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  test('the server log is captured for inspection', async () => {
    expect(e2e.app.readLog()).toContain('Breachdesk is listening on');
  });
});
