import { z } from 'zod';
import { roles } from '../../http/actor.ts';
import { maxPasswordLength, minPasswordLength } from './password.ts';

export const localeSchema = z.enum(['nl', 'en']);

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  locale: localeSchema,
  orgId: z.string(),
  orgName: z.string(),
  /** True while the organisation requires a second factor for this role and none is set up yet. */
  mfaEnrolmentRequired: z.boolean().optional(),
});
export type Me = z.infer<typeof meSchema>;

export const meResponse = z.object({ user: meSchema });

/** A sign-in answers the account, or that the second factor is asked next. */
export const signInResponse = z.union([meResponse, z.object({ mfaRequired: z.literal(true) })]);

export const newPasswordSchema = z
  .string()
  .min(minPasswordLength, `must be at least ${minPasswordLength} characters`)
  .max(maxPasswordLength, `must be at most ${maxPasswordLength} characters`);

export const signInBody = z.object({
  email: z.string().trim().min(1).max(320),
  // No length rule here: a wrong password of any length is simply a wrong password.
  password: z.string().min(1).max(maxPasswordLength),
});

export const setupTokenParams = z.object({ token: z.string().min(1).max(200) });
export const setupTokenResponse = z.object({ email: z.string(), displayName: z.string() });
export const completeSetupBody = z.object({ token: z.string().min(1).max(200), password: newPasswordSchema });

export const updateMeBody = z.object({ locale: localeSchema });
