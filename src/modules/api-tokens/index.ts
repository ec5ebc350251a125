export { createApiToken, listApiTokens, revokeApiToken, resolveApiToken, auditActorOf, type ApiTokenDeps } from './api-tokens.service.ts';
export { isTokenReachable, tokenReachableRoutes, canManageApiTokens } from './api-tokens.policy.ts';
export { registerApiTokenRoutes } from './api-tokens.routes.ts';
export type { ApiTokenView, CreatedApiToken } from './api-tokens.schemas.ts';
