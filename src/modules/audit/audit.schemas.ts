import { z } from 'zod';

export const listAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export const auditEntry = z.object({
  seq: z.number().int(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  actorLabel: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const listAuditResponse = z.object({ events: z.array(auditEntry) });
