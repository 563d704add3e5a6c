import { routePolicies, type RoutePolicyKey } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { response, schemaRef } from "./openapi-components.js";
import type { JsonSchema, OperationObject, ParameterObject, Reference, RequestBodyObject, ResponseObject, SecurityRequirement } from "./openapi.types.js";

/** What an area's file says about one operation; the rest comes from the policy table. */
export interface OperationSpec {
  readonly tag: string;
  readonly description?: string;
  readonly parameters?: readonly (ParameterObject | Reference)[];
  readonly requestBody?: RequestBodyObject;
  /** The success answers and the errors particular to this operation. */
  readonly responses: Readonly<Record<string, ResponseObject | Reference>>;
}

export type OperationSpecs<K extends RoutePolicyKey> = Readonly<Record<K, OperationSpec>>;

/** A JSON answer with a schema of components.schemas. */
export function json(description: string, schemaName: string, headers: ResponseObject["headers"] = undefined): ResponseObject {
  return { description, ...(headers === undefined ? {} : { headers }), content: { "application/json": { schema: schemaRef(schemaName) } } };
}

/** A JSON request body with a schema of components.schemas. */
export function jsonBody(description: string, schema: JsonSchema, required = true): RequestBodyObject {
  return { description, required, content: { "application/json": { schema } } };
}

export const noContent = (description: string): ResponseObject => ({ description });

export const notModified: ResponseObject = { description: "Not modified: the If-None-Match names the current ETag." };

const SAFE = new Set(["GET"]);

function securityOf(policy: RoutePolicy): readonly SecurityRequirement[] {
  if (policy.access === "public") return [];
  // Sessions must send their CSRF token on unsafe methods; tokens never do.
  return SAFE.has(policy.method) ? [{ sessionCookie: [] }, { bearerToken: [] }] : [{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }];
}

function accessNote(policy: RoutePolicy): string {
  if (policy.access === "public") return "Public: no session or token needed.";
  if (policy.access === "authenticated") return "Any signed-in user or API token.";
  return `Roles: ${policy.access.roles.join(", ")}.`;
}

/** The errors every operation of this kind can answer, from its policy: authentication, roles and CSRF, body parsing. */
function standardErrors(policy: RoutePolicy): Record<string, Reference> {
  const errors: Record<string, Reference> = {};
  if (policy.access !== "public") errors["401"] = response("Unauthenticated");
  if (policy.access !== "public" && (policy.access !== "authenticated" || !SAFE.has(policy.method))) errors["403"] = response("Forbidden");
  if (!SAFE.has(policy.method)) {
    errors["400"] = response("BadRequest");
    errors["413"] = response("PayloadTooLarge");
    errors["415"] = response("UnsupportedMediaType");
  }
  return errors;
}

/** The operation object of route `key`: summary, security and the standard errors from the table, the rest from `spec`. */
export function operation(key: RoutePolicyKey, spec: OperationSpec): OperationObject {
  const policy: RoutePolicy = routePolicies[key];
  return {
    operationId: key,
    summary: policy.summary,
    description: [spec.description, accessNote(policy)].filter((part) => part !== undefined).join("\n\n"),
    tags: [spec.tag],
    security: securityOf(policy),
    ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
    ...(spec.requestBody === undefined ? {} : { requestBody: spec.requestBody }),
    responses: { ...standardErrors(policy), ...spec.responses },
  };
}

/** `/api/v1/apps/:id` as OpenAPI writes it: `/api/v1/apps/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
}
