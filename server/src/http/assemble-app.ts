import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import { handleErrors } from "./errors/error-handler.js";
import { handleUnknownRoutes } from "./errors/not-found.js";
import { parseJsonBody, requireJsonContentType } from "./middleware/json-body.js";
import { assignRequestId } from "./middleware/request-id.js";
import { logRequests } from "./middleware/request-logging.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { allRoutePolicies } from "./policy/route-policies.js";
import type { RoutePolicy } from "./policy/route-policy.types.js";

export interface AppSettings {
  readonly logger: Logger;
  readonly trustProxy: boolean;
  /** The policy table for decisions taken before routing (body limit, 405); the server's own table by default. */
  readonly policies?: readonly RoutePolicy[];
  /**
   * Attaches the principal (session cookie or API token) before the body is
   * read. createServer passes the real one; test apps without it see every
   * caller as anonymous.
   */
  readonly authenticate?: RequestHandler;
}

/**
 * The request pipeline, in order, around the routes `mountRoutes` adds:
 * request id → request log → security headers → authentication (and CSRF)
 * → JSON content type → JSON body → routes → 404/405 → problem+json errors.
 * Authentication comes before the body is read, so an unauthenticated or
 * cross-site request is refused without parsing up to 6 MB of JSON.
 */
export function assembleApp(settings: AppSettings, mountRoutes: (app: Express) => void): Express {
  const policies = settings.policies ?? allRoutePolicies;
  const app = express();
  app.disable("x-powered-by");
  // Exact routing, so that the anchored policy matcher and Express agree on every path.
  app.enable("case sensitive routing");
  app.enable("strict routing");
  // true: exactly one reverse proxy in front; its X-Forwarded-For entry is the client.
  app.set("trust proxy", settings.trustProxy ? 1 : false);

  app.use(assignRequestId());
  app.use(logRequests(settings.logger));
  app.use(securityHeaders());
  if (settings.authenticate) app.use(settings.authenticate);
  app.use(requireJsonContentType());
  app.use(parseJsonBody(policies));

  mountRoutes(app);

  app.use(handleUnknownRoutes(policies));
  app.use(handleErrors());
  return app;
}
