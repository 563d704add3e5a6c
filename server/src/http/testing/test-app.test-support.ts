import type { Express } from "express";
import type { Logger } from "pino";
import { assembleApp } from "../assemble-app.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { silentLogger } from "./listen.test-support.js";

export interface TestAppOptions {
  readonly logger?: Logger;
  readonly policies?: readonly RoutePolicy[];
}

/**
 * The server's real request pipeline (assembleApp, as createServer uses it)
 * around routes of the test's own: for provoking errors no real route raises.
 */
export function appWithRoutes(mountRoutes: (app: Express) => void, options: TestAppOptions = {}): Express {
  return assembleApp(
    { logger: options.logger ?? silentLogger(), trustProxy: false, ...(options.policies === undefined ? {} : { policies: options.policies }) },
    mountRoutes,
  );
}
