import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/config.ts';

export const sessionCookieName = 'bd_session';

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string, expiresAt: Date, now: Date): void {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies });
}
