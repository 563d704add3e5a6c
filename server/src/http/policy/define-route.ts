import type { Express, RequestHandler, Router } from "express";
import { policyPathProblem } from "./match-route-policy.js";
import { enforceRouteAccess } from "./route-access.js";
import type { HttpMethod, RoutePolicy } from "./route-policy.types.js";

/** Where a route can be mounted: the app itself, or a router mounted on it. */
export type RouteTarget = Express | Router;

/** The router object whose stack holds the routes of `target` (for an app, its base router). */
export function routerOf(target: RouteTarget): object {
  return "listen" in target ? target.router : target;
}

/** For each router, the policies of the routes defineRoute mounted on it, by "METHOD path". */
const definedRoutes = new WeakMap<object, Map<string, RoutePolicy[]>>();

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}

/** The policies defineRoute mounted on `router`, by "METHOD path" (relative to that router). */
export function policiesDefinedOn(router: object): ReadonlyMap<string, readonly RoutePolicy[]> {
  return definedRoutes.get(router) ?? new Map<string, RoutePolicy[]>();
}

const VERBS = { GET: "get", POST: "post", PUT: "put", PATCH: "patch", DELETE: "delete" } as const satisfies Record<HttpMethod, string>;

/**
 * The only way to mount a route: `defineRoute(app, routePolicies.health, handler)`.
 * The route's first handler enforces the policy's access rule, then the
 * handlers run. Mount on the app (or on a router mounted at "/") with the
 * policy's full path; the route-table test checks that what is mounted is
 * exactly what the table declares.
 */
export function defineRoute(target: RouteTarget, policy: RoutePolicy, ...handlers: [RequestHandler, ...RequestHandler[]]): void {
  const pathProblem = policyPathProblem(policy.path);
  if (pathProblem !== undefined) throw new Error(`defineRoute(${policy.method} ${policy.path}): ${pathProblem}.`);
  const router = routerOf(target);
  const key = routeKey(policy.method, policy.path);
  const defined = definedRoutes.get(router) ?? new Map<string, RoutePolicy[]>();
  definedRoutes.set(router, defined);
  defined.set(key, [...(defined.get(key) ?? []), policy]);
  target.route(policy.path)[VERBS[policy.method]](enforceRouteAccess(policy), ...handlers);
}
