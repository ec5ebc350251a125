import { timingSafeEqual } from 'node:crypto';

export const csrfCookieName = 'bd_csrf';
export const csrfHeaderName = 'x-csrf-token';
export const csrfBodyField = '_csrf';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafeMethod(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

/** Double-submit check: the value sent with the request must equal the cookie, compared in constant time. */
export function csrfTokensMatch(cookieValue: string | undefined, submitted: string | undefined): boolean {
  if (!cookieValue || !submitted) return false;
  const a = Buffer.from(cookieValue);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Requests that authenticate with an API token carry no ambient credential, so CSRF cannot forge them. */
export function isBearerRequest(authorization: string | undefined): boolean {
  return typeof authorization === 'string' && /^Bearer\s+\S/i.test(authorization);
}
