import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';

/**
 * The secrets of one sign-in at the provider (state, nonce, PKCE verifier) stay in this browser until the
 * provider sends it back: a callback arriving in another browser, or a second time, finds no match.
 */
export const oidcFlowCookieName = 'bd_oidc';
const cookiePath = '/auth/oidc';
export const oidcFlowMinutes = 10;

const flowSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  next: z.string().max(2000),
});
export type OidcFlow = z.infer<typeof flowSchema>;

export function setOidcFlowCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, flow: OidcFlow): void {
  // Lax, not Strict: the callback is a top-level navigation coming from the provider's site.
  reply.setCookie(oidcFlowCookieName, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'lax',
    path: cookiePath,
    secure: config.secureCookies,
    maxAge: oidcFlowMinutes * 60,
  });
}

export function clearOidcFlowCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(oidcFlowCookieName, { httpOnly: true, sameSite: 'lax', path: cookiePath, secure: config.secureCookies });
}

export function readOidcFlowCookie(value: string | undefined): OidcFlow | null {
  if (!value) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
