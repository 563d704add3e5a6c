import type { RequestHandler } from "express";
import { allowedMethods } from "../policy/match-route-policy.js";
import { allRoutePolicies } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { HttpProblem } from "./problem.js";

/**
 * After every route: 405 with an Allow header when the table has the path
 * under other methods, else 404.
 */
export function handleUnknownRoutes(policies: readonly RoutePolicy[] = allRoutePolicies): RequestHandler {
  return function handleUnknownRoutesHandler(req, _res, next) {
    const allowed = allowedMethods(req.path, policies);
    if (allowed.length > 0) {
      next(
        new HttpProblem(405, "Method not allowed", `${req.method} is not supported here; use ${allowed.join(", ")}.`, {
          headers: { Allow: allowed.join(", ") },
        }),
      );
      return;
    }
    next(new HttpProblem(404, "Not found", `There is no endpoint ${req.method} ${req.path}. Check the method and the path.`));
  };
}
