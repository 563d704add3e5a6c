import type { Express } from "express";
import { pino, type Logger } from "pino";
import type { Database } from "../db/database.types.js";
import { resolveAuthSettings, type LoginThrottle, type SessionLifetime } from "../features/auth/auth-settings.js";
import { authenticate } from "../features/auth/authenticate.js";
import { assembleApp } from "./assemble-app.js";
import { allRoutePolicies } from "./policy/route-policies.js";
import { mountServerRoutes } from "./server-routes.js";

export interface ServerConfig {
  /** The storage the routes use; /readyz pings it. */
  readonly database: Database;
  /** Where logs go (redaction is added on top of it); defaults to JSON lines on stdout at level info. */
  readonly logger?: Logger | undefined;
  /** true when exactly one reverse proxy (which sets X-Forwarded-For/-Proto) sits in front; default false. */
  readonly trustProxy?: boolean | undefined;
  /** Whether startup is done (migrations applied); /readyz answers 503 until it is. Defaults to always ready. */
  readonly isReady?: (() => boolean) | undefined;
  /** Session timeouts; default 12 h absolute, 30 min idle. */
  readonly sessionLifetime?: Partial<SessionLifetime> | undefined;
  /** Login throttling; default 10 failures per account or 50 per IP address in 15 min. */
  readonly loginThrottle?: Partial<LoginThrottle> | undefined;
  /** The clock for expiry and throttling; tests inject one rather than sleep. */
  readonly now?: (() => Date) | undefined;
}

/** The Finwright HTTP server as an Express app, not yet listening: `createServer(config).listen(port, host)`. */
export function createServer(config: ServerConfig): Express {
  const logger = config.logger ?? pino({ level: "info" });
  const auth = resolveAuthSettings(config);
  const dependencies = { database: config.database, isReady: config.isReady ?? (() => true), auth };
  return assembleApp(
    { logger, trustProxy: config.trustProxy ?? false, authenticate: authenticate(config.database, auth, allRoutePolicies) },
    (app) => mountServerRoutes(app, dependencies),
  );
}
