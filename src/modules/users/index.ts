export { registerUsersRoutes } from './users.routes.ts';
export { chooseOrganisation, createUser, listUsers, updateUser, toUserView, type CreateUserInput, type UsersDeps, type ChangeActor } from './users.service.ts';
export { ensureFirstAdmin, firstAdminEmail } from './first-run.ts';
export { mayActOnUsers, type UserAction } from './users.policy.ts';
