import type { Actor } from '../../http/actor.ts';

/** A token opens reports on the organisation's behalf: only administrators hand them out or revoke them. */
export function canManageApiTokens(actor: Actor): boolean {
  return actor.role === 'admin' && !actor.apiTokenId;
}

/** The only routes an API-token actor reaches; everything else answers as if it did not exist. */
export const tokenReachableRoutes: ReadonlyArray<{ method: string; url: string }> = [
  { method: 'POST', url: '/api/reports' },
  { method: 'POST', url: '/api/reports/:id/files' },
  // A mail system reports bounces of campaign messages with the organisation's token.
  { method: 'POST', url: '/api/bounces' },
];

export function isTokenReachable(method: string, url: string | undefined): boolean {
  return tokenReachableRoutes.some((route) => route.method === method.toUpperCase() && route.url === url);
}
