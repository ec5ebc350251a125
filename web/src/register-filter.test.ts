import { describe, expect, it } from 'vitest';
import { createApiClient } from './api.ts';
import { filterFromSearch, searchFromFilter } from './register-filter.ts';

describe('register filter', () => {
  it('reads known filters from the address and ignores the rest', () => {
    const filter = filterFromSearch(new URLSearchParams('from=2026-01-01&cause=hack&notified=maybe&x=1&state='));
    expect(filter).toEqual({ from: '2026-01-01', cause: 'hack' });
  });

  it('writes them back in a stable order', () => {
    expect(searchFromFilter({ state: 'closed', from: '2026-01-01', notified: 'no' })).toBe('?from=2026-01-01&notified=no&state=closed');
    expect(searchFromFilter({})).toBe('');
  });

  it('carries the same filters into the export links', () => {
    const api = createApiClient({ fetch: async () => new Response('{}'), cookies: () => '' });
    expect(api.registerExportUrl('csv', { from: '2026-01-01', outcome: 'high' })).toBe('/api/register.csv?from=2026-01-01&outcome=high');
    expect(api.registerExportUrl('pdf', {})).toBe('/api/register.pdf');
  });
});
