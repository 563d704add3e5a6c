import { componentHeaders, response } from "./openapi-components.js";
import { json, notModified, type OperationSpecs } from "./openapi-operation.js";

const TEXT_QUERY = { type: "string", minLength: 1, maxLength: 200 } as const;
const query = (name: string, description: string, schema: Readonly<Record<string, unknown>> = TEXT_QUERY) => ({ name, in: "query", description, schema }) as const;

/** Health, readiness, the published schemas, this document and the audit trail. */
export const platformOperations: OperationSpecs<"health" | "readiness" | "definitionSchema" | "openApiDocument" | "listAuditEntries"> = {
  health: { tag: "platform", responses: { "200": json("The process is up.", "Health") } },
  readiness: {
    tag: "platform",
    responses: { "200": json("Ready to serve.", "Ready"), "503": response("ServiceUnavailable") },
  },
  definitionSchema: {
    tag: "platform",
    description: "app-1.json is the root schema; the others are its parts, referenced by $id. Cached for an hour, then revalidated with the ETag.",
    parameters: [{ name: "name", in: "path", required: true, description: "The schema's file name, e.g. app-1.json.", schema: { type: "string" } }],
    responses: {
      "200": {
        description: "The JSON Schema (2020-12).",
        headers: { ETag: componentHeaders["ETag"]! },
        content: { "application/schema+json": { schema: { type: "object", required: ["$id", "$schema"], properties: { $id: { type: "string" }, $schema: { type: "string" } } } } },
      },
      "304": notModified,
      "404": response("NotFound"),
    },
  },
  openApiDocument: {
    tag: "platform",
    description: "This document.",
    responses: {
      "200": {
        description: "The OpenAPI 3.1 document.",
        headers: { ETag: componentHeaders["ETag"]! },
        content: { "application/json": {
          schema: {
            type: "object",
            required: ["openapi", "info", "paths", "components"],
            properties: { openapi: { type: "string", pattern: "^3\\.1\\." }, info: { type: "object" }, paths: { type: "object" }, components: { type: "object" } },
          },
        } },
      },
      "304": notModified,
    },
  },
  listAuditEntries: {
    tag: "audit",
    parameters: [
      query("actor", "Only entries of this actor, e.g. user:<id>."),
      query("action", "Only entries of this action, e.g. auth.login."),
      query("target", "Only entries about this target, e.g. app:<id>."),
      query("from", "Entries at or after this ISO 8601 date or time."),
      query("to", "Entries before this ISO 8601 date or time."),
      query("cursor", "The nextCursor of the previous page.", { type: "string", pattern: "^[1-9][0-9]{0,17}$" }),
      query("limit", "Page size, 1 to 200 (default 50).", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
    ],
    responses: { "200": json("One page of entries, newest first.", "AuditPage"), "400": response("BadRequest") },
  },
};
