import type { Express } from "express";
import type { Database } from "../db/database.types.js";
import { mountAuditRoutes } from "../features/audit/audit.routes.js";
import { mountApiTokenRoutes } from "../features/auth/api-tokens.routes.js";
import type { AuthSettings } from "../features/auth/auth-settings.js";
import { mountAuthRoutes } from "../features/auth/auth.routes.js";
// Apps, drafts and versions:
import { mountAllAppRoutes } from "../features/apps/mount-app-routes.js";
import { mountHealthRoutes } from "./health/health.routes.js";
import { mountOpenApiRoutes } from "./openapi/openapi.routes.js";
import { mountSchemaRoutes } from "./schemas/schemas.routes.js";

export interface RouteDependencies {
  readonly database: Database;
  readonly isReady: () => boolean;
  readonly auth: AuthSettings;
}

/** Every feature's routes, each mounted through defineRoute with its entry of the policy table. */
export function mountServerRoutes(app: Express, dependencies: RouteDependencies): void {
  mountHealthRoutes(app, dependencies);
  mountSchemaRoutes(app);
  mountOpenApiRoutes(app);
  mountAuthRoutes(app, dependencies);
  mountApiTokenRoutes(app, dependencies);
  mountAuditRoutes(app, dependencies);
  // Apps, drafts and versions (features/apps):
  mountAllAppRoutes(app, { database: dependencies.database, now: dependencies.auth.now });
}
