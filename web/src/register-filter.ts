import type { RegisterFilter } from './api-types.ts';

const keys = ['from', 'to', 'cause', 'outcome', 'notified', 'state'] as const;

/** The register's filters live in the address, so that a filtered view can be bookmarked or sent on. */
export function filterFromSearch(search: URLSearchParams): RegisterFilter {
  const filter: RegisterFilter = {};
  for (const key of keys) {
    const value = search.get(key)?.trim();
    if (!value) continue;
    if (key === 'notified') {
      if (value === 'yes' || value === 'no') filter.notified = value;
    } else {
      filter[key] = value;
    }
  }
  return filter;
}

export function searchFromFilter(filter: RegisterFilter): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
