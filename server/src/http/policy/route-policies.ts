import type { RoutePolicy } from "./route-policy.types.js";

/**
 * THE route policy table: every route the server mounts, and who may call it.
 * Deny by default: a route missing here cannot be mounted through defineRoute
 * without the route-table test failing, and every route that is not
 * `"public"` requires an authenticated principal (route-access.ts).
 *
 * Adding a route: add its entry here, then mount it with
 * `defineRoute(app, routePolicies.<key>, handler)`. Public entries are the
 * explicit allowlist of unauthenticated routes: review every one.
 */
export const routePolicies = {
  health: {
    method: "GET",
    path: "/healthz",
    access: "public",
    summary: "Liveness: 200 while the process is up.",
  },
  readiness: {
    method: "GET",
    path: "/readyz",
    access: "public",
    summary: "Readiness: 200 when the database answers and migrations are done, else 503.",
  },
  definitionSchema: {
    method: "GET",
    path: "/api/v1/schemas/:name",
    access: "public",
    summary: "The published JSON Schemas of the app definition (app-1.json and its parts), by file name.",
  },
} as const satisfies Readonly<Record<string, RoutePolicy>>;

export type RoutePolicyKey = keyof typeof routePolicies;

/** Every entry of the table, in declaration order. */
export const allRoutePolicies: readonly RoutePolicy[] = Object.values(routePolicies);
