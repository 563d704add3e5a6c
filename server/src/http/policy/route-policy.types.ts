/**
 * What the route policy table says about one route: its method and path, who
 * may call it, and how large a body it accepts. The table itself lives in
 * route-policies.ts; routes are mounted only through defineRoute.
 */

/** The methods a route may declare. HEAD is served by every GET route under the GET policy. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call a route.
 * - `"public"`: anyone, without a session or token (an explicit, reviewed exception).
 * - `"authenticated"`: any signed-in user or valid API token.
 * - `{ roles }`: a principal holding at least one of these roles (platform roles
 *   such as `admin` or `builder`, or business roles such as `checker`).
 */
export type RouteAccess = "public" | "authenticated" | { readonly roles: readonly [string, ...string[]] };

/**
 * Which JSON body limit applies: `"small"` (the default, 100 kB) or
 * `"app-definition"` (6 MB, for routes that accept a whole app definition).
 */
export type RouteBodySize = "small" | "app-definition";

export interface RoutePolicy {
  readonly method: HttpMethod;
  /**
   * The full path as mounted on the app: literal segments and `:param`
   * segments only (no wildcards, no optional parts, no regular expressions),
   * so that the anchored matcher in match-route-policy.ts and Express agree.
   */
  readonly path: string;
  readonly access: RouteAccess;
  /** Defaults to `"small"`. */
  readonly body?: RouteBodySize;
  /** One line saying what the route does (for reviewers and the OpenAPI description). */
  readonly summary: string;
}
