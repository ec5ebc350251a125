import { z } from 'zod';
import { roles } from '../../http/actor.ts';
import { newPasswordSchema } from '../auth/index.ts';

export const roleSchema = z.enum(roles);

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const listUsersResponse = z.object({ users: z.array(userView) });

export const createUserBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: newPasswordSchema.optional(),
  /** Required for role processor: the linked processor organisation the account speaks for. */
  processorOrgId: z.string().min(1).max(100).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const createUserResponse = z.object({ user: userView, setupLink: z.string().optional() });

export const userIdParams = z.object({ id: z.string().min(1).max(100) });

export const updateUserBody = z.object({
  role: roleSchema.optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
  processorOrgId: z.string().min(1).max(100).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const userResponse = z.object({ user: userView });
