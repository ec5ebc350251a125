import { z } from 'zod';

export const codeBody = z.object({ code: z.string().trim().min(1).max(32) });

export const mfaStatusResponse = z.object({ enrolled: z.boolean(), required: z.boolean(), backupCodesLeft: z.number().int() });

export const enrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() });

export const backupCodesResponse = z.object({ backupCodes: z.array(z.string()) });

export const signedOutEverywhereResponse = z.object({ sessionsEnded: z.number().int() });
