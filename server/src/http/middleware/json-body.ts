import type { IncomingMessage } from "node:http";
import express, { type RequestHandler } from "express";
import { HttpProblem } from "../errors/problem.js";
import { matchRoutePolicy } from "../policy/match-route-policy.js";
import { allRoutePolicies } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";

/** The JSON body limit of ordinary routes. */
export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024;

/** The JSON body limit of routes that accept a whole app definition (definitions up to 5 MB, plus the envelope). */
export const APP_DEFINITION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** The body limit a route accepts: 6 MB when its policy says `body: "app-definition"`, else 100 kB. */
export function bodyLimitFor(policy: RoutePolicy | undefined): number {
  return policy?.body === "app-definition" ? APP_DEFINITION_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether the request carries a body: chunked, or a Content-Length above 0 (clients send 0 on an empty PUT). */
function carriesBody(req: IncomingMessage): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true;
  const length = req.headers["content-length"];
  return length !== undefined && length !== "0";
}

/**
 * Unsafe methods that carry a body must send `application/json`: anything
 * else (forms, multipart, text) is refused with 415 before it is read
 * (n8n CVE-2026-21858; a cross-site form cannot send JSON).
 */
export function requireJsonContentType(): RequestHandler {
  return function requireJsonContentTypeHandler(req, _res, next) {
    if (UNSAFE_METHODS.has(req.method) && carriesBody(req) && req.is("application/json") === false) {
      const sent = req.headers["content-type"];
      next(
        new HttpProblem(
          415,
          "Unsupported media type",
          sent === undefined
            ? "The request has a body but no Content-Type: send it as application/json."
            : "The request body must be sent as application/json.",
        ),
      );
      return;
    }
    next();
  };
}

/**
 * Parses JSON bodies (objects and arrays only) up to the limit of the route
 * the request is for, chosen from the policy table before routing.
 */
export function parseJsonBody(policies: readonly RoutePolicy[] = allRoutePolicies): RequestHandler {
  const small = express.json({ limit: DEFAULT_BODY_LIMIT_BYTES, strict: true, type: "application/json" });
  const large = express.json({ limit: APP_DEFINITION_BODY_LIMIT_BYTES, strict: true, type: "application/json" });
  return function parseJsonBodyHandler(req, res, next) {
    const parser = bodyLimitFor(matchRoutePolicy(req.method, req.path, policies)) === APP_DEFINITION_BODY_LIMIT_BYTES ? large : small;
    parser(req, res, next);
  };
}
