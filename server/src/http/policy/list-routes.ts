import { policiesDefinedOn, routeKey, routerOf, type RouteTarget } from "./define-route.js";
import { allRoutePolicies } from "./route-policies.js";
import type { RoutePolicy } from "./route-policy.types.js";

/**
 * Route introspection for the route-table test (requirement Z1): which routes
 * are really mounted, and do they match the policy table exactly?
 *
 * Walks the Express 5 router with `router.listRoutes()` (router ≥ 2.3.0),
 * recursing into mounted routers. What it cannot see: plain middleware that
 * answers requests itself and mounted sub-apps (`app.use(otherExpressApp)`);
 * the server mounts neither, and new endpoints must be routes.
 */

/** The shape of router 2.3's `listRoutes()` entries. */
interface ListedRoute {
  readonly path: string | RegExp;
  readonly methods: readonly string[] | undefined;
  readonly router: object | undefined;
}

interface IntrospectableRouter {
  listRoutes(): ListedRoute[];
}

function isIntrospectable(router: object): router is IntrospectableRouter {
  return typeof (router as Partial<IntrospectableRouter>).listRoutes === "function";
}

/** One mounted route: its method and full path, and the router it was mounted on. */
export interface MountedRoute {
  readonly method: string;
  readonly path: string;
  /** The router holding the route, and the path relative to it (as defineRoute recorded it). */
  readonly router: object;
  readonly localPath: string;
}

function joinPaths(prefix: string, path: string): string {
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (path === "/") return base === "" ? "/" : base;
  return `${base}${path}`;
}

/** GET routes also answer HEAD: list them once, as GET. `.all()` routes are listed as ALL. */
function declaredMethods(methods: readonly string[]): string[] {
  const named = methods.map((method) => (method === "*" ? "ALL" : method));
  return named.includes("GET") ? named.filter((method) => method !== "HEAD") : named;
}

function collectRoutes(router: object, prefix: string, into: MountedRoute[]): void {
  if (!isIntrospectable(router)) {
    throw new Error("Cannot list the routes: this router has no listRoutes() (Express 5 with router ≥ 2.3.0 is required).");
  }
  for (const entry of router.listRoutes()) {
    const localPath = typeof entry.path === "string" ? entry.path : `RegExp(${entry.path.source})`;
    if (entry.router !== undefined) {
      collectRoutes(entry.router, joinPaths(prefix, localPath), into);
      continue;
    }
    for (const method of declaredMethods(entry.methods ?? [])) {
      into.push({ method, path: joinPaths(prefix, localPath), router, localPath });
    }
  }
}

/** Every route mounted on the app, one per method and path, in mounting order. */
export function listMountedRoutes(app: RouteTarget): MountedRoute[] {
  const routes: MountedRoute[] = [];
  collectRoutes(routerOf(app), "", routes);
  return routes;
}

/** Every route actually mounted, as "METHOD /path" (sorted). */
export function listRoutes(app: RouteTarget): string[] {
  return listMountedRoutes(app)
    .map((route) => routeKey(route.method, route.path))
    .sort();
}

export interface RouteTableReport {
  /** Mounted, but not declared in the table or not mounted through defineRoute with the table's policy. */
  readonly undeclared: string[];
  /** Declared in the table, but not mounted. */
  readonly missing: string[];
}

/**
 * Compares what is mounted with the policy table. A route counts as declared
 * only when defineRoute mounted it with the table's own policy object at the
 * table's path; a second route on the same method and path mounted another
 * way (app.get, router.post, …) is reported too.
 */
export function checkRouteTable(app: RouteTarget, table: readonly RoutePolicy[] = allRoutePolicies): RouteTableReport {
  const tableByKey = new Map(table.map((policy) => [routeKey(policy.method, policy.path), policy]));
  const consumed = new Map<object, Map<string, number>>();
  const undeclared: string[] = [];
  const mounted = new Set<string>();

  for (const route of listMountedRoutes(app)) {
    const key = routeKey(route.method, route.path);
    const localKey = routeKey(route.method, route.localPath);
    const used = consumed.get(route.router) ?? new Map<string, number>();
    consumed.set(route.router, used);
    const index = used.get(localKey) ?? 0;
    used.set(localKey, index + 1);
    const definedPolicy = policiesDefinedOn(route.router).get(localKey)?.[index];
    const declared = tableByKey.get(key);
    if (declared === undefined || definedPolicy !== declared) {
      undeclared.push(key);
    } else {
      mounted.add(key);
    }
  }
  const missing = [...tableByKey.keys()].filter((key) => !mounted.has(key));
  return { undeclared: undeclared.sort(), missing: missing.sort() };
}
