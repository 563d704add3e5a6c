import type { Express } from "express";
import { defineRoute } from "../policy/define-route.js";
import { routePolicies } from "../policy/route-policies.js";
import { servedOpenApiDocument } from "./openapi-document.js";

/** GET /api/v1/openapi.json: the OpenAPI description; revalidated with its ETag (If-None-Match → 304). */
export function mountOpenApiRoutes(app: Express): void {
  defineRoute(app, routePolicies.openApiDocument, (_req, res) => {
    res.setHeader("Cache-Control", "public, no-cache");
    res.setHeader("ETag", servedOpenApiDocument.etag);
    // res.send answers a matching If-None-Match with 304.
    res.type("application/json").send(servedOpenApiDocument.body);
  });
}
