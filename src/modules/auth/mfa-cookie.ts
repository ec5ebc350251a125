import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/config.ts';

/** Binds a sign-in waiting for its second factor to the browser that entered the password. */
export const pendingSignInCookieName = 'bd_mfa';
const cookiePath = '/api/session';

export function setPendingSignInCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string, expiresAt: Date, now: Date): void {
  reply.setCookie(pendingSignInCookieName, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: cookiePath,
    secure: config.secureCookies,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearPendingSignInCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(pendingSignInCookieName, { httpOnly: true, sameSite: 'strict', path: cookiePath, secure: config.secureCookies });
}
