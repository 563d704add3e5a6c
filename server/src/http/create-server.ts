import type { Express } from "express";
import { pino, type Logger } from "pino";
import type { Database } from "../db/database.types.js";
import { assembleApp } from "./assemble-app.js";
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
}

/** The Finwright HTTP server as an Express app, not yet listening: `createServer(config).listen(port, host)`. */
export function createServer(config: ServerConfig): Express {
  const logger = config.logger ?? pino({ level: "info" });
  const dependencies = { database: config.database, isReady: config.isReady ?? (() => true) };
  return assembleApp({ logger, trustProxy: config.trustProxy ?? false }, (app) => mountServerRoutes(app, dependencies));
}
