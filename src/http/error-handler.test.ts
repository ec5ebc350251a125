import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext } from '../bootstrap.ts';
import { loadConfig } from '../config/config.ts';
import { migrateToLatest } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { createLogger } from '../shared/logger.ts';
import { buildServer, type App } from './server.ts';

describe('HTTP errors', () => {
  let app: App;
  let close: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-http-'));

  beforeAll(async () => {
    const ctx = createContext(loadConfig({ DATA_DIR: dir, BODY_LIMIT_BYTES: '2048' }), { logger: createLogger('silent') });
    await migrateToLatest(ctx.db);
    app = await buildServer(ctx);
    app.post('/api/echo', { schema: { body: z.object({ name: z.string().min(1), count: z.number().int().max(10) }) } }, async (request) => request.body);
    app.get('/api/conflict', async () => {
      throw new AppError('conflict', 'Already there.');
    });
    app.get('/api/crash', async () => {
      throw new Error('secret internal detail');
    });
    close = async () => {
      await app.close();
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/echo', payload, headers: { 'content-type': contentType, cookie: 'bd_csrf=test-token', 'x-csrf-token': 'test-token' } });

  it('names each invalid field', async () => {
    const response = await post(JSON.stringify({ name: '', count: 11 }));
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['count', 'name']);
  });

  it('names a missing field', async () => {
    const body = (await post(JSON.stringify({ count: 1 }))).json();
    expect(body.error.issues).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx JSON', async () => {
    const malformed = await post('{"name": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_request');

    const wrongType = await post('name=x', 'application/xml');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('unsupported_media_type');

    const large = await post(JSON.stringify({ name: 'x'.repeat(5000), count: 1 }));
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('payload_too_large');
  });

  it('maps service errors by code and hides internal details', async () => {
    const conflict = await app.inject({ method: 'GET', url: '/api/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'conflict', message: 'Already there.' });

    const crash = await app.inject({ method: 'GET', url: '/api/crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret internal detail');
  });

  it('answers unknown API paths with JSON 404 and sends strict security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
