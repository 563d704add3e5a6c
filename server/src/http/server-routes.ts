import type { Express } from "express";
import type { Database } from "../db/database.types.js";
import { mountHealthRoutes } from "./health/health.routes.js";
import { mountSchemaRoutes } from "./schemas/schemas.routes.js";

export interface RouteDependencies {
  readonly database: Database;
  readonly isReady: () => boolean;
}

/** Every feature's routes, each mounted through defineRoute with its entry of the policy table. */
export function mountServerRoutes(app: Express, dependencies: RouteDependencies): void {
  mountHealthRoutes(app, dependencies);
  mountSchemaRoutes(app);
}
