/** @finwright/server: the Finwright server and the finwright CLI. */
export { main as runCli } from "./cli/main.js";
export type { CliIo } from "./cli/cli-io.js";

export { createServer, type ServerConfig } from "./http/create-server.js";
export { HttpProblem, PROBLEM_CONTENT_TYPE, type ProblemDocument, type ProblemItem, type HttpProblemExtra } from "./http/errors/problem.js";
export { routePolicies, allRoutePolicies, type RoutePolicyKey } from "./http/policy/route-policies.js";
export type { HttpMethod, RouteAccess, RouteBodySize, RoutePolicy } from "./http/policy/route-policy.types.js";
export { defineRoute, type RouteTarget } from "./http/policy/define-route.js";
export { listRoutes, checkRouteTable, type RouteTableReport } from "./http/policy/list-routes.js";
export { matchRoutePolicy, isPublicRoute, allowedMethods, policyTableProblems } from "./http/policy/match-route-policy.js";
export { DEFAULT_BODY_LIMIT_BYTES, APP_DEFINITION_BODY_LIMIT_BYTES, bodyLimitFor } from "./http/middleware/json-body.js";
export type { Principal } from "./http/policy/request-principal.js";

// Identity, for the CLI (`finwright start --demo`, `finwright user create`) and the admin API.
export { seedDemoWorkspace, DEMO_WORKSPACE, DEMO_USERS, type SeedDemoOptions, type SeedDemoResult } from "./features/workspaces/seed-demo-workspace.js";
export { createWorkspace, createUser, addMembership, findWorkspaceBySlug, findUserByUsername, type NewWorkspace, type NewUser } from "./features/workspaces/workspace-service.js";
export { IdentityError, type IdentityErrorCode } from "./features/workspaces/identity-error.js";
export type { Workspace, User, ChangeContext, CreateUserOptions } from "./features/workspaces/identity.types.js";
export { checkPasswordPolicy, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./features/auth/password-policy.js";
export { DEFAULT_SCRYPT, type ScryptParameters } from "./features/auth/password-hash.js";
export { DEFAULT_SESSION_LIFETIME, DEFAULT_LOGIN_THROTTLE, type SessionLifetime, type LoginThrottle } from "./features/auth/auth-settings.js";

// The audit trail, for `finwright audit verify`.
export { verifyAuditChain, type AuditChainReport, type BrokenAuditEntry } from "./features/audit/verify-audit-chain.js";
export { appendAudit, type AuditAppend } from "./features/audit/append-audit.js";

// Apps, drafts and versions (/api/v1/apps).
export { definitionHash } from "./features/apps/definition-hash.js";
export { DEFAULT_APP_PAGE, MAX_APP_PAGE } from "./features/apps/app-list-query.js";
