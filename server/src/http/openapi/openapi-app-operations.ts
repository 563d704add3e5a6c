import { param, response, schemaRef } from "./openapi-components.js";
import { json, jsonBody, noContent, notModified, type OperationSpecs } from "./openapi-operation.js";

const ETAG = { $ref: "#/components/headers/ETag" } as const;
const LOCATION = { $ref: "#/components/headers/Location" } as const;
const IF_NONE_MATCH = { name: "If-None-Match", in: "header", description: "The ETag the client holds: 304 when the draft is unchanged.", schema: { type: "string" } } as const;
const IF_MATCH_REQUIRED = { name: "If-Match", in: "header", required: true, description: 'The ETag of the draft that was edited (quoted), e.g. "3qPa…".', schema: { type: "string" } } as const;

const draft = (description: string, status: "200" | "201" = "200") => ({
  [status]: json(description, "AppDraft", status === "201" ? { ETag: ETAG, Location: LOCATION } : { ETag: ETAG }),
});

type AppKey =
  | "listApps"
  | "createApp"
  | "importApp"
  | "getApp"
  | "replaceAppDraft"
  | "deleteApp"
  | "restoreApp"
  | "publishApp"
  | "listPublishRequests"
  | "approvePublishRequest"
  | "rejectPublishRequest"
  | "listAppVersions"
  | "getAppVersion"
  | "restoreAppVersion"
  | "exportApp";

/** Apps, drafts, publishing (with four eyes), versions, export and import. */
export const appOperations: OperationSpecs<AppKey> = {
  listApps: {
    tag: "apps",
    parameters: [
      { name: "q", in: "query", description: "Words to find in the name or slug.", schema: { type: "string", minLength: 1, maxLength: 200 } },
      { name: "limit", in: "query", description: "Page size, 1 to 100 (default 50).", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
      { name: "cursor", in: "query", description: "The nextCursor of the previous page, as given.", schema: { type: "string", maxLength: 400 } },
      { name: "deleted", in: "query", description: "true: list the soft-deleted apps (admins only).", schema: { type: "boolean", default: false } },
    ],
    responses: { "200": json("One page of apps, by slug.", "AppList"), "400": response("BadRequest") },
  },
  createApp: {
    tag: "apps",
    requestBody: jsonBody("The definition (validated: 422 with every problem) and whether publishing needs four eyes.", schemaRef("CreateAppRequest")),
    responses: { ...draft("Created: the app and its draft.", "201"), "409": response("Conflict"), "422": response("InvalidDefinition") },
  },
  importApp: {
    tag: "apps",
    description: "The body is a file from GET /api/v1/apps/{id}/export, possibly written for an older Finwright: it is migrated to the current schemaVersion, then validated.",
    requestBody: jsonBody("An exported app definition (any supported schemaVersion).", { type: "object", required: ["schemaVersion"], properties: { schemaVersion: { type: "integer", minimum: 1 } } }),
    responses: { ...draft("Imported: the new app and its draft.", "201"), "409": response("Conflict"), "422": response("InvalidDefinition") },
  },
  getApp: {
    tag: "apps",
    parameters: [param("AppId"), IF_NONE_MATCH],
    responses: { ...draft("The app and its draft."), "304": notModified, "404": response("NotFound") },
  },
  replaceAppDraft: {
    tag: "apps",
    parameters: [param("AppId"), IF_MATCH_REQUIRED],
    requestBody: jsonBody("The new draft definition.", schemaRef("ReplaceDraftRequest")),
    responses: {
      ...draft("Saved: the app with its new draft and ETag."),
      "404": response("NotFound"),
      "412": response("PreconditionFailed"),
      "422": response("InvalidDefinition"),
      "428": response("PreconditionRequired"),
    },
  },
  deleteApp: {
    tag: "apps",
    parameters: [param("AppId")],
    responses: { "204": noContent("Deleted (restorable)."), "404": response("NotFound") },
  },
  restoreApp: {
    tag: "apps",
    parameters: [param("AppId")],
    responses: { ...draft("Restored."), "404": response("NotFound"), "409": response("Conflict") },
  },
  publishApp: {
    tag: "versions",
    description: "With If-Match, publishes only if the draft is still that one (412 otherwise). On an app requiring four eyes, files a publish request instead (202); 409 while another one is pending.",
    parameters: [param("AppId"), param("IfMatch")],
    requestBody: jsonBody("An optional note for the version.", schemaRef("PublishAppRequest"), false),
    responses: {
      "201": json("Published: the new version.", "Published", { Location: LOCATION }),
      "202": json("Four eyes: a publish request was filed; nothing is published yet.", "PublishRequested", { Location: LOCATION }),
      "404": response("NotFound"),
      "409": response("Conflict"),
      "412": response("PreconditionFailed"),
    },
  },
  listPublishRequests: {
    tag: "versions",
    parameters: [param("AppId")],
    responses: { "200": json("The publish requests, newest first.", "PublishRequestList"), "404": response("NotFound") },
  },
  approvePublishRequest: {
    tag: "versions",
    parameters: [param("AppId"), param("PublishRequestId")],
    responses: {
      "201": json("Approved and published.", "Approved", { Location: LOCATION }),
      "404": response("NotFound"),
      "409": response("Conflict"),
    },
  },
  rejectPublishRequest: {
    tag: "versions",
    parameters: [param("AppId"), param("PublishRequestId")],
    responses: { "200": json("Rejected (or withdrawn).", "Rejected"), "404": response("NotFound"), "409": response("Conflict") },
  },
  listAppVersions: {
    tag: "versions",
    parameters: [param("AppId")],
    responses: { "200": json("The published versions, newest first.", "AppVersionList"), "404": response("NotFound") },
  },
  getAppVersion: {
    tag: "versions",
    parameters: [param("AppId"), param("VersionNumber")],
    responses: { "200": json("The version with its definition; its hash is the ETag.", "AppVersion", { ETag: ETAG }), "404": response("NotFound") },
  },
  restoreAppVersion: {
    tag: "versions",
    parameters: [param("AppId"), param("VersionNumber"), param("IfMatch")],
    responses: { ...draft("The app with the version copied into its draft."), "404": response("NotFound"), "412": response("PreconditionFailed") },
  },
  exportApp: {
    tag: "apps",
    parameters: [param("AppId"), { name: "version", in: "query", description: "Export this published version instead of the draft.", schema: { type: "integer", minimum: 1 } }],
    responses: {
      "200": {
        description: "The definition as a JSON file (Content-Disposition: attachment), ready for import.",
        headers: { "Content-Disposition": { description: 'attachment; filename="<slug>.json"', schema: { type: "string" } } },
        content: { "application/json": { schema: schemaRef("AppDefinition") } },
      },
      "400": response("BadRequest"),
      "404": response("NotFound"),
    },
  },
};
