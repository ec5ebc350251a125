import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('starts with nothing set: embedded SQLite under ./data, built-in mailbox, port 3000', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.join('data', 'breachdesk.sqlite') });
    expect(config.MAIL_URL).toBe('');
    expect(config.secureCookies).toBe(false);
  });

  it('chooses PostgreSQL for a postgres URL and Secure cookies for an https public address', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.example/bd', PUBLIC_URL: 'https://breachdesk.example' });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db.example/bd' });
    expect(config.secureCookies).toBe(true);
  });

  it('names every bad variable and why', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TIME_ZONE: 'Mars/Olympus', TRUST_PROXY: 'maybe' });
      expect.unreachable('loadConfig accepted bad values');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT="abc"/m);
      expect(problems).toMatch(/^DATABASE_URL="mysql:\/\/x": must be empty, sqlite:PATH or a postgres/m);
      expect(problems).toMatch(/^TIME_ZONE="Mars\/Olympus": must be an IANA time zone/m);
      expect(problems).toMatch(/^TRUST_PROXY="maybe"/m);
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});

describe('README configuration table', () => {
  it('documents every variable the config module reads, and no other', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(configVariables).sort());
  });
});
