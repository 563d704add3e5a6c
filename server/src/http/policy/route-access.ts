import type { RequestHandler } from "express";
import { HttpProblem } from "../errors/problem.js";
import { principalOf, type Principal } from "./request-principal.js";
import type { RouteAccess, RoutePolicy } from "./route-policy.types.js";

export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

/** Whether `principal` (undefined: anonymous) may call a route with this access rule. Deny by default. */
export function decideAccess(access: RouteAccess, principal: Principal | undefined): AccessDecision {
  if (access === "public") return "allow";
  if (principal === undefined) return "unauthenticated";
  if (access === "authenticated") return "allow";
  return access.roles.some((role) => principal.roles.includes(role)) ? "allow" : "forbidden";
}

/**
 * The first handler of every route mounted through defineRoute: lets the
 * request through only when the principal attached by authentication
 * satisfies the route's policy.
 */
export function enforceRouteAccess(policy: RoutePolicy): RequestHandler {
  return function enforceRouteAccessHandler(req, _res, next) {
    const decision = decideAccess(policy.access, principalOf(req));
    if (decision === "allow") {
      next();
    } else if (decision === "unauthenticated") {
      next(
        new HttpProblem(401, "Authentication required", "Sign in, or send an API token in the Authorization header (Bearer).", {
          headers: { "WWW-Authenticate": 'Bearer realm="finwright"' },
        }),
      );
    } else {
      next(new HttpProblem(403, "Forbidden", "Your roles do not allow this action. Ask a workspace admin for access."));
    }
  };
}
