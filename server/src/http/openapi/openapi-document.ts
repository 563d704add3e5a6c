import { createHash } from "node:crypto";
import { routePolicies, type RoutePolicyKey } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { appOperations } from "./openapi-app-operations.js";
import { authOperations } from "./openapi-auth-operations.js";
import { componentHeaders, componentParameters, componentResponses, componentSchemas } from "./openapi-components.js";
import { openApiPath, operation, type OperationSpec } from "./openapi-operation.js";
import { platformOperations } from "./openapi-platform-operations.js";
import type { OpenApiDocument, PathItem } from "./openapi.types.js";

/** One spec per route of the policy table: a route without one does not compile. */
const OPERATIONS: Readonly<Record<RoutePolicyKey, OperationSpec>> = { ...platformOperations, ...authOperations, ...appOperations };

function buildPaths(): Record<string, PathItem> {
  const paths: Record<string, PathItem> = {};
  for (const [key, policy] of Object.entries(routePolicies) as [RoutePolicyKey, RoutePolicy][]) {
    const path = openApiPath(policy.path);
    paths[path] = { ...paths[path], [policy.method.toLowerCase()]: operation(key, OPERATIONS[key]) };
  }
  return paths;
}

/** The OpenAPI 3.1 description of the API, served at GET /api/v1/openapi.json. */
export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.1",
  jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
  info: {
    title: "Finwright API",
    version: "1",
    summary: "Apps, drafts, versions, sign-in, API tokens and the audit trail of a Finwright server.",
    description:
      "Errors are RFC 9457 problem details (application/problem+json). Browser sessions authenticate with the session cookie set by POST /api/v1/auth/login and send its CSRF token in the x-csrf-token header on unsafe methods; automation uses an API token (Authorization: Bearer fw_…). Every object is scoped to the caller's workspace.",
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  servers: [{ url: "/", description: "This server." }],
  tags: [
    { name: "platform", description: "Health, readiness and published schemas." },
    { name: "auth", description: "Signing in and out." },
    { name: "tokens", description: "API tokens for automation." },
    { name: "apps", description: "Apps and their drafts." },
    { name: "versions", description: "Publishing, four-eyes publish requests and the immutable versions." },
    { name: "audit", description: "The tamper-evident audit trail." },
  ],
  security: [{ sessionCookie: [] }, { bearerToken: [] }],
  paths: buildPaths(),
  components: {
    schemas: componentSchemas,
    securitySchemes: {
      sessionCookie: { type: "apiKey", in: "cookie", name: "finwright_session", description: "The session cookie set at sign-in (named __Host-finwright_session over HTTPS)." },
      csrfToken: { type: "apiKey", in: "header", name: "x-csrf-token", description: "The csrfToken returned at sign-in; required with the session cookie on POST, PUT, PATCH and DELETE." },
      bearerToken: { type: "http", scheme: "bearer", description: "An API token (fw_…) from POST /api/v1/tokens." },
    },
    parameters: componentParameters,
    headers: componentHeaders,
    responses: componentResponses,
  },
};

/** The document as served: serialised once, with a strong ETag of its bytes. */
export const servedOpenApiDocument: { readonly body: string; readonly etag: string } = (() => {
  const body = JSON.stringify(openApiDocument);
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
})();
