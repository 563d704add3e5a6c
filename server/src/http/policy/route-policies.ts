import type { RoutePolicy } from "./route-policy.types.js";

/**
 * THE route policy table: every route the server mounts, and who may call it.
 * Deny by default: a route missing here cannot be mounted through defineRoute
 * without the route-table test failing, and every route that is not
 * `"public"` requires an authenticated principal (route-access.ts).
 *
 * Adding a route: add its entry here, then mount it with
 * `defineRoute(app, routePolicies.<key>, handler)`. Public entries are the
 * explicit allowlist of unauthenticated routes: review every one.
 */
export const routePolicies = {
  health: {
    method: "GET",
    path: "/healthz",
    access: "public",
    summary: "Liveness: 200 while the process is up.",
  },
  readiness: {
    method: "GET",
    path: "/readyz",
    access: "public",
    summary: "Readiness: 200 when the database answers and migrations are done, else 503.",
  },
  definitionSchema: {
    method: "GET",
    path: "/api/v1/schemas/:name",
    access: "public",
    summary: "The published JSON Schemas of the app definition (app-1.json and its parts), by file name.",
  },
  openApiDocument: {
    method: "GET",
    path: "/api/v1/openapi.json",
    access: "public",
    summary: "The OpenAPI 3.1 description of this API (with an ETag).",
  },
  login: {
    method: "POST",
    path: "/api/v1/auth/login",
    access: "public",
    summary: "Sign in with username and password: sets the session cookie, returns the user, workspace, roles and CSRF token. Throttled.",
  },
  logout: {
    method: "POST",
    path: "/api/v1/auth/logout",
    access: "authenticated",
    summary: "Sign out: ends the session server-side and clears the cookie.",
  },
  currentSession: {
    method: "GET",
    path: "/api/v1/auth/session",
    access: "authenticated",
    summary: "Who is asking: the user, workspace and roles of the session or API token.",
  },
  createApiToken: {
    method: "POST",
    path: "/api/v1/tokens",
    access: { roles: ["admin", "developer"] },
    summary: "Create an API token (roles a subset of the caller's); the secret is in this response only.",
  },
  listApiTokens: {
    method: "GET",
    path: "/api/v1/tokens",
    access: { roles: ["admin", "developer"] },
    summary: "List API tokens without their secrets: all of the workspace for admins, one's own otherwise.",
  },
  revokeApiToken: {
    method: "DELETE",
    path: "/api/v1/tokens/:id",
    access: { roles: ["admin", "developer"] },
    summary: "Revoke an API token (admins: any of the workspace; others: their own).",
  },
  listAuditEntries: {
    method: "GET",
    path: "/api/v1/audit",
    access: { roles: ["admin"] },
    summary: "The workspace's audit trail, newest first; filters actor, action, target, from, to; cursor pagination.",
  },
  // ---- Apps, drafts and versions (features/apps) ----------------------------
  // Builders, developers and admins write; viewers (and the writers) read.
  // Every handler scopes its queries to the caller's workspace.
  listApps: {
    method: "GET",
    path: "/api/v1/apps",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "List the workspace's apps by slug: ?q= searches name and slug, ?limit= (≤ 100), ?cursor=; ?deleted=true lists deleted ones (admins).",
  },
  createApp: {
    method: "POST",
    path: "/api/v1/apps",
    access: { roles: ["builder", "developer", "admin"] },
    body: "app-definition",
    summary: "Create an app from { definition, requiresFourEyes? }: validated (422 with the problems, nothing stored); answers the draft and its ETag.",
  },
  importApp: {
    method: "POST",
    path: "/api/v1/apps/import",
    access: { roles: ["builder", "developer", "admin"] },
    body: "app-definition",
    summary: "Create an app from an exported definition file (the body): migrated when older, then validated.",
  },
  getApp: {
    method: "GET",
    path: "/api/v1/apps/:id",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "An app with its draft definition; the draft's ETag in the header (If-None-Match → 304).",
  },
  replaceAppDraft: {
    method: "PUT",
    path: "/api/v1/apps/:id",
    access: { roles: ["builder", "developer", "admin"] },
    body: "app-definition",
    summary: "Replace the draft with { definition }: requires If-Match (428 without, 412 with the current ETag when stale), validated (422).",
  },
  deleteApp: {
    method: "DELETE",
    path: "/api/v1/apps/:id",
    access: { roles: ["admin"] },
    summary: "Soft-delete an app (its versions stay); restorable.",
  },
  restoreApp: {
    method: "POST",
    path: "/api/v1/apps/:id/restore",
    access: { roles: ["admin"] },
    summary: "Restore a soft-deleted app (409 when another app took its slug meanwhile).",
  },
  publishApp: {
    method: "POST",
    path: "/api/v1/apps/:id/publish",
    access: { roles: ["builder", "developer", "admin"] },
    summary: "Publish the draft as the next immutable version ({ note? }, optional If-Match); with four-eyes, files a publish request instead (202).",
  },
  listPublishRequests: {
    method: "GET",
    path: "/api/v1/apps/:id/publish-requests",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "The app's publish requests (four-eyes), newest first.",
  },
  approvePublishRequest: {
    method: "POST",
    path: "/api/v1/apps/:id/publish-requests/:requestId/approve",
    access: { roles: ["builder", "admin"] },
    summary: "Approve a pending publish request and publish the draft it was filed for; never by its requester (403).",
  },
  rejectPublishRequest: {
    method: "POST",
    path: "/api/v1/apps/:id/publish-requests/:requestId/reject",
    access: { roles: ["builder", "developer", "admin"] },
    summary: "Reject a pending publish request (builders and admins), or withdraw one's own.",
  },
  listAppVersions: {
    method: "GET",
    path: "/api/v1/apps/:id/versions",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "The app's published versions, newest first, without their definitions.",
  },
  getAppVersion: {
    method: "GET",
    path: "/api/v1/apps/:id/versions/:number",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "One published version with its definition and hash.",
  },
  restoreAppVersion: {
    method: "POST",
    path: "/api/v1/apps/:id/versions/:number/restore",
    access: { roles: ["builder", "developer", "admin"] },
    summary: "Copy a published version into the draft (new ETag; optional If-Match).",
  },
  exportApp: {
    method: "GET",
    path: "/api/v1/apps/:id/export",
    access: { roles: ["viewer", "builder", "developer", "admin"] },
    summary: "Download the draft (or ?version=n) as a JSON file, ready for import.",
  },
  // ---- end of apps ------------------------------------------------------------
} as const satisfies Readonly<Record<string, RoutePolicy>>;

export type RoutePolicyKey = keyof typeof routePolicies;

/** Every entry of the table, in declaration order. */
export const allRoutePolicies: readonly RoutePolicy[] = Object.values(routePolicies);
