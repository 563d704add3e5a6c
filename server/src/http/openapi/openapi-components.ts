import { APP_SCHEMA_ID } from "@finwright/schemas";
import { PROBLEM_CONTENT_TYPE } from "../errors/problem.js";
import type { HeaderObject, JsonSchema, OpenApiDocument, ResponseObject } from "./openapi.types.js";

/** `{ $ref }` to a schema of components.schemas. */
export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const TIMESTAMP = { type: "string", format: "date-time", description: "ISO 8601, UTC, with milliseconds." } as const;
const NULLABLE_TIMESTAMP = { type: ["string", "null"], format: "date-time" } as const;
const UUID = { type: "string", format: "uuid" } as const;
const ROLES = { type: "array", items: { type: "string" }, description: "Platform roles (admin, builder, developer, viewer) and business roles (e.g. maker, checker)." } as const;

const object = (properties: Readonly<Record<string, JsonSchema>>, required: readonly string[] = Object.keys(properties), description?: string): JsonSchema => ({
  type: "object",
  ...(description === undefined ? {} : { description }),
  required,
  properties,
  additionalProperties: false,
});

const API_TOKEN_FIELDS = {
  id: UUID,
  name: { type: "string" },
  roles: ROLES,
  userId: UUID,
  createdAt: TIMESTAMP,
  expiresAt: NULLABLE_TIMESTAMP,
  lastUsedAt: NULLABLE_TIMESTAMP,
  revokedAt: NULLABLE_TIMESTAMP,
} as const;

const APP_SUMMARY_FIELDS = {
  id: UUID,
  slug: { type: "string" },
  name: { type: "string" },
  requiresFourEyes: { type: "boolean", description: "Publishing needs a second person's approval." },
  latestVersion: { type: ["integer", "null"], minimum: 1, description: "The highest published version; null before the first publication." },
  etag: { type: "string", description: "The draft's entity tag (without quotes); the ETag header carries it quoted." },
  createdAt: TIMESTAMP,
  createdBy: UUID,
  updatedAt: TIMESTAMP,
  updatedBy: UUID,
  deletedAt: { ...TIMESTAMP, description: "Only on soft-deleted apps." },
} as const;
const APP_SUMMARY_REQUIRED = Object.keys(APP_SUMMARY_FIELDS).filter((key) => key !== "deletedAt");

const VERSION_SUMMARY_FIELDS = {
  number: { type: "integer", minimum: 1 },
  definitionHash: { type: "string", description: "sha256 of the canonical JSON of the definition." },
  note: { type: "string" },
  publishedBy: UUID,
  publishedAt: TIMESTAMP,
  approvedBy: { type: ["string", "null"], format: "uuid", description: "The approver of a four-eyes publication." },
} as const;

const PROBLEM_ITEM = {
  type: "object",
  required: ["code", "message"],
  properties: {
    code: { type: "string", description: "A stable, machine-readable code, e.g. field.unknown." },
    message: { type: "string" },
    pointer: { type: "string", description: "JSON Pointer into the request body." },
  },
  description: "One precise problem; codes may add fields of their own.",
} as const;

export const componentSchemas: OpenApiDocument["components"]["schemas"] = {
  Problem: object(
    {
      type: { type: "string", description: "A URI naming the kind of problem (https://finwright.dev/problems/…)." },
      title: { type: "string" },
      status: { type: "integer", minimum: 400, maximum: 599 },
      detail: { type: "string", description: "What went wrong and what to do about it." },
      instance: { type: "string", description: "The request path." },
      requestId: { type: "string", description: "Quote it when reporting a problem." },
      errors: { type: "array", items: PROBLEM_ITEM },
    },
    ["type", "title", "status", "detail", "instance", "requestId"],
    "RFC 9457 problem details, sent as application/problem+json for every error.",
  ),
  User: object({ id: UUID, username: { type: "string" }, displayName: { type: "string" } }),
  Workspace: object({ id: UUID, slug: { type: "string" }, name: { type: "string" } }),
  LoginRequest: object(
    {
      workspace: { type: "string", minLength: 1, maxLength: 63, description: "The workspace slug; by default the user's first workspace." },
      username: { type: "string", minLength: 1, maxLength: 200 },
      password: { type: "string", minLength: 1, maxLength: 1024 },
    },
    ["username", "password"],
  ),
  LoginResponse: object(
    {
      user: schemaRef("User"),
      workspace: schemaRef("Workspace"),
      roles: ROLES,
      csrfToken: { type: "string", description: "Send it in the x-csrf-token header of every unsafe request of this session." },
      expiresAt: TIMESTAMP,
    },
    undefined,
    "The signed-in session; the session cookie is set by the same response.",
  ),
  Session: object({ user: schemaRef("User"), workspace: schemaRef("Workspace"), roles: ROLES, via: { enum: ["session", "token"] } }, undefined, "Who is asking."),
  CreateApiTokenRequest: object(
    {
      name: { type: "string", minLength: 1, maxLength: 200 },
      roles: { ...ROLES, minItems: 1, maxItems: 20, description: "A subset of the caller's roles." },
      expiresInDays: { type: "integer", minimum: 1, maximum: 366, default: 90 },
    },
    ["name", "roles"],
  ),
  ApiToken: object(API_TOKEN_FIELDS, undefined, "An API token, without its secret."),
  CreatedApiToken: object({ ...API_TOKEN_FIELDS, token: { type: "string", pattern: "^fw_", description: "The secret: shown in this response only." } }),
  ApiTokenList: object({ tokens: { type: "array", items: schemaRef("ApiToken") } }),
  AuditEntry: object({
    id: { type: "string", pattern: "^[1-9][0-9]*$", description: "Increasing; pass as cursor for older entries." },
    at: TIMESTAMP,
    actor: { type: "string", description: "user:<id>, token:<id>, anonymous or system." },
    action: { type: "string", description: "<area>.<verb>, e.g. auth.login." },
    target: { type: ["string", "null"] },
    requestId: { type: ["string", "null"] },
    summary: { type: "object", description: "What changed; never secrets." },
    hash: { type: "string", pattern: "^[0-9a-f]{64}$", description: "sha256 chaining this entry to the previous one." },
  }),
  AuditPage: object({
    entries: { type: "array", items: schemaRef("AuditEntry") },
    nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next (older) page; null on the last page." },
  }),
  AppDefinition: { $ref: APP_SCHEMA_ID, description: "An app definition, as published at /api/v1/schemas/app-1.json." },
  AppSummary: { ...object(APP_SUMMARY_FIELDS, APP_SUMMARY_REQUIRED), description: "An app without its definition." },
  AppDraft: { ...object({ ...APP_SUMMARY_FIELDS, definition: schemaRef("AppDefinition") }, [...APP_SUMMARY_REQUIRED, "definition"]), description: "An app with its draft definition." },
  AppList: object({
    apps: { type: "array", items: schemaRef("AppSummary") },
    nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next page; null on the last page." },
  }),
  CreateAppRequest: object({ definition: schemaRef("AppDefinition"), requiresFourEyes: { type: "boolean", default: false } }, ["definition"]),
  ReplaceDraftRequest: object({ definition: schemaRef("AppDefinition") }),
  PublishAppRequest: object({ note: { type: "string", minLength: 1, maxLength: 2000 } }, []),
  AppVersionSummary: object(VERSION_SUMMARY_FIELDS, undefined, "A published, immutable version, without its definition."),
  AppVersion: object({ ...VERSION_SUMMARY_FIELDS, definition: schemaRef("AppDefinition") }),
  AppVersionList: object({ versions: { type: "array", items: schemaRef("AppVersionSummary") } }),
  PublishRequest: object({
    id: UUID,
    status: { enum: ["pending", "approved", "rejected"] },
    note: { type: "string" },
    definitionHash: { type: "string" },
    requestedBy: UUID,
    requestedAt: TIMESTAMP,
    decidedBy: { type: ["string", "null"], format: "uuid" },
    decidedAt: NULLABLE_TIMESTAMP,
    version: { type: ["integer", "null"], minimum: 1, description: "The version published on approval." },
  }),
  PublishRequestList: object({ publishRequests: { type: "array", items: schemaRef("PublishRequest") } }),
  Published: object({ published: { const: true }, version: schemaRef("AppVersionSummary") }),
  PublishRequested: object({ published: { const: false }, publishRequest: schemaRef("PublishRequest") }),
  Approved: object({ published: { const: true }, version: schemaRef("AppVersionSummary"), publishRequest: schemaRef("PublishRequest") }),
  Rejected: object({ publishRequest: schemaRef("PublishRequest") }),
  Health: object({ status: { const: "ok" } }),
  Ready: object({ status: { const: "ready" } }),
};

export const componentParameters: OpenApiDocument["components"]["parameters"] = {
  AppId: { name: "id", in: "path", required: true, description: "The app's id.", schema: UUID },
  VersionNumber: { name: "number", in: "path", required: true, description: "A published version's number.", schema: { type: "integer", minimum: 1 } },
  PublishRequestId: { name: "requestId", in: "path", required: true, description: "The publish request's id.", schema: UUID },
  TokenId: { name: "id", in: "path", required: true, description: "The API token's id.", schema: UUID },
  IfMatch: { name: "If-Match", in: "header", description: 'The draft\'s ETag as the server gave it (quoted), e.g. "3qPa…".', schema: { type: "string" } },
};

export const componentHeaders: OpenApiDocument["components"]["headers"] = {
  ETag: { description: "A strong entity tag (quoted).", schema: { type: "string", pattern: '^"[^"]*"$' } },
  Location: { description: "Where the created resource lives.", schema: { type: "string" } },
  RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } },
} satisfies Readonly<Record<string, HeaderObject>>;

const problem = (description: string): ResponseObject => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("Problem") } } });

/** The error answers shared by many operations, all `application/problem+json`. */
export const componentResponses: OpenApiDocument["components"]["responses"] = {
  BadRequest: problem("The request is malformed: bad JSON, unknown or invalid fields or query parameters (listed in errors)."),
  Unauthenticated: problem("No valid session or API token (or the session has expired)."),
  Forbidden: problem("The caller's roles do not allow this, or a session's x-csrf-token header is missing or wrong."),
  NotFound: problem("Nothing with this id in the caller's workspace (another workspace's objects are not found either)."),
  Conflict: problem("The request conflicts with the current state."),
  PreconditionFailed: {
    description: "If-Match names an older draft: someone else saved it meanwhile. The current ETag is in the header.",
    headers: { ETag: { $ref: "#/components/headers/ETag" } },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("Problem") } },
  },
  PreconditionRequired: problem("If-Match is required (and `*` is not accepted)."),
  PayloadTooLarge: problem("The body is larger than this endpoint's limit."),
  UnsupportedMediaType: problem("The body is not application/json in UTF-8."),
  InvalidDefinition: problem("The app definition is invalid; each problem is in errors, with a JSON Pointer. Nothing was stored."),
  TooManyRequests: {
    description: "Too many failed sign-ins for this account or address.",
    headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("Problem") } },
  },
  ServiceUnavailable: {
    description: "Not ready: the database does not answer or migrations are not done.",
    headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("Problem") } },
  },
};

/** The parameter objects above, by name, for `parameters: [param("AppId")]`. */
export const param = (name: string): { readonly $ref: string } => ({ $ref: `#/components/parameters/${name}` });
/** A `$ref` to a shared response. */
export const response = (name: string): { readonly $ref: string } => ({ $ref: `#/components/responses/${name}` });
