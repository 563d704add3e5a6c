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
