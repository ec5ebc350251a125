import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';

export const roles = ['admin', 'privacy_officer', 'security_analyst', 'staff_reporter', 'processor', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request, resolved once per request from the session cookie or an API token. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** Set for a processor's account: the processor organisation it speaks for. */
  processorOrgId: string | null;
  locale: 'nl' | 'en';
  displayName: string;
  sessionId: string | null;
  /**
   * Set when the request authenticated with an API token (the token's id); such an actor reaches only the
   * report-intake routes. Absent or null for a session.
   */
  apiTokenId?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('not_authenticated', 'Sign in to continue.');
  return request.actor;
}
