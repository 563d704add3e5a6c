import express, { type Express } from "express";
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
}

/**
 * The request pipeline, in order, around the routes `mountRoutes` adds:
 * request id → request log → security headers → (authentication, next step)
 * → JSON content type → JSON body → routes → 404/405 → problem+json errors.
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
  app.use(requireJsonContentType());
  app.use(parseJsonBody(policies));

  mountRoutes(app);

  app.use(handleUnknownRoutes(policies));
  app.use(handleErrors());
  return app;
}
