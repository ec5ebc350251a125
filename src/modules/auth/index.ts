export { installAuth, registeredRoutes, type RegisteredRoute } from './install-auth.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export { actorScope, type ActorScope } from './actor-scope.ts';
export { hashPassword, passwordProblem, minPasswordLength } from './password.ts';
export { normaliseEmail } from './login-throttle.ts';
export { issueSetupToken, revokeUserSessions, loadMe, setupTokenHours, type AuthDeps } from './auth.service.ts';
export { meSchema, localeSchema, newPasswordSchema, type Me } from './auth.schemas.ts';
export { sessionCookieName } from './session-cookie.ts';
export { csrfCookieName, csrfHeaderName } from './csrf.ts';
