import type { Express } from "express";
import { HttpProblem } from "../errors/problem.js";
import { defineRoute } from "../policy/define-route.js";
import { routePolicies } from "../policy/route-policies.js";
import { publishedSchemas } from "./published-schemas.js";

/** Schemas change only with a release: let caches keep them an hour, then revalidate with the ETag. */
const SCHEMA_CACHE_CONTROL = "public, max-age=3600";

/** GET /api/v1/schemas/:name — app-1.json and every part it references, by the file name of its `$id`. */
export function mountSchemaRoutes(app: Express): void {
  defineRoute(app, routePolicies.definitionSchema, (req, res) => {
    const { name } = req.params;
    if (typeof name !== "string") throw new HttpProblem(404, "Schema not found", "Name one schema file, such as app-1.json.");
    const schema = publishedSchemas.get(name);
    if (schema === undefined) {
      const names = [...publishedSchemas.keys()].join(", ");
      throw new HttpProblem(404, "Schema not found", `There is no published schema named '${name}'. Published: ${names}.`);
    }
    res.setHeader("Cache-Control", SCHEMA_CACHE_CONTROL);
    res.setHeader("ETag", schema.etag);
    // res.send answers a matching If-None-Match with 304.
    res.type("application/schema+json").send(schema.body);
  });
}
