import { z } from 'zod';

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "SIEM".'),
});

export const apiTokenParams = z.object({ id: z.string().min(1).max(64) });

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const apiTokenListResponse = z.object({ tokens: z.array(apiTokenView) });

export const createdApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  token: z.string().describe('The token itself; shown only in this answer, never again.'),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenBody>;
export type ApiTokenView = z.infer<typeof apiTokenView>;
export type CreatedApiToken = z.infer<typeof createdApiTokenResponse>;
