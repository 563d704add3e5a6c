import type { Express } from "express";
import { mountAppTransferRoutes } from "./app-transfer.routes.js";
import { mountAppVersionRoutes } from "./app-versions.routes.js";
import { mountAppRoutes, type AppRouteDependencies } from "./apps.routes.js";
import { mountPublishRequestRoutes } from "./publish-requests.routes.js";

/** Every /api/v1/apps route: apps and drafts, versions, four-eyes requests, import and export. */
export function mountAllAppRoutes(app: Express, dependencies: AppRouteDependencies): void {
  mountAppRoutes(app, dependencies);
  mountAppVersionRoutes(app, dependencies);
  mountPublishRequestRoutes(app, dependencies);
  mountAppTransferRoutes(app, dependencies);
}
