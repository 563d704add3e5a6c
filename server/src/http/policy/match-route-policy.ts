import { allRoutePolicies } from "./route-policies.js";
import type { RoutePolicy } from "./route-policy.types.js";

/**
 * Anchored, segment-by-segment matching of a request path against the policy
 * table, for decisions taken before Express routes the request (is it public?
 * which body limit?). It compares the parsed pathname (`req.path`: no query
 * string, no fragment) segment by segment, so `/healthz?x=/api/v1/apps` or
 * `/healthz/../api` can never pass for `/healthz` (Budibase CVE-2026-31816).
 * The app enables case-sensitive and strict routing so Express agrees.
 */

const LITERAL_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const DOTS_ONLY = /^\.+$/;
const PARAM_SEGMENT = /^:[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `path` is not a valid policy path, or undefined when it is. */
export function policyPathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return `the path '${path}' must start with '/'`;
  if (path === "/") return undefined;
  for (const segment of path.slice(1).split("/")) {
    const literal = LITERAL_SEGMENT.test(segment) && !DOTS_ONLY.test(segment);
    if (!literal && !PARAM_SEGMENT.test(segment)) {
      return `the path '${path}' has the segment '${segment}': use literal segments ([A-Za-z0-9._~-]) and ':param' segments only`;
    }
  }
  return undefined;
}

/** Whether the request pathname matches the policy path exactly (each `:param` stands for one non-empty segment). */
export function policyPathMatches(policyPath: string, pathname: string): boolean {
  const expected = policyPath.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return false;
  return expected.every((segment, index) => {
    const value = actual[index];
    return segment.startsWith(":") ? value !== undefined && value !== "" : segment === value;
  });
}

/** The policy of the route that serves `method pathname`, if the table has one. HEAD is answered by GET routes. */
export function matchRoutePolicy(method: string, pathname: string, table: readonly RoutePolicy[] = allRoutePolicies): RoutePolicy | undefined {
  const wanted = method === "HEAD" ? "GET" : method;
  return table.find((policy) => policy.method === wanted && policyPathMatches(policy.path, pathname));
}

/** Whether the table lists `method pathname` as a public (unauthenticated) route. */
export function isPublicRoute(method: string, pathname: string, table: readonly RoutePolicy[] = allRoutePolicies): boolean {
  return matchRoutePolicy(method, pathname, table)?.access === "public";
}

/** The methods the table allows on `pathname` (with HEAD beside GET), for 405 responses and the Allow header. */
export function allowedMethods(pathname: string, table: readonly RoutePolicy[] = allRoutePolicies): string[] {
  const methods = new Set<string>();
  for (const policy of table) {
    if (!policyPathMatches(policy.path, pathname)) continue;
    methods.add(policy.method);
    if (policy.method === "GET") methods.add("HEAD");
  }
  return [...methods];
}

/** Whether some request path could match both policy paths. */
function pathsOverlap(a: string, b: string): boolean {
  const left = a.split("/");
  const right = b.split("/");
  if (left.length !== right.length) return false;
  return left.every((segment, index) => {
    const other = right[index] ?? "";
    return segment === other || segment.startsWith(":") || other.startsWith(":");
  });
}

/**
 * Problems with the table itself: invalid paths, and two entries of one
 * method that could match the same request (which one wins would then depend
 * on mounting order, and a pre-routing decision could pick the wrong one).
 */
export function policyTableProblems(table: readonly RoutePolicy[] = allRoutePolicies): string[] {
  const problems: string[] = [];
  table.forEach((policy, index) => {
    const pathProblem = policyPathProblem(policy.path);
    if (pathProblem !== undefined) problems.push(`${policy.method} ${policy.path}: ${pathProblem}`);
    if (typeof policy.access === "object" && policy.access.roles.length === 0) {
      problems.push(`${policy.method} ${policy.path}: list at least one role, or use "authenticated"`);
    }
    for (const other of table.slice(index + 1)) {
      if (other.method === policy.method && pathsOverlap(policy.path, other.path)) {
        problems.push(`${policy.method} ${policy.path} and ${other.method} ${other.path} can match the same request: make the paths distinct`);
      }
    }
  });
  return problems;
}
