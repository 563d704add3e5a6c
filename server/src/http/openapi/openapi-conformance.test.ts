import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { DEMO_TEST_PASSWORD } from "../../features/auth/testing/auth-test-server.test-support.js";
import { call } from "../../features/auth/testing/http-client.test-support.js";
import { createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "../../features/apps/testing/apps-test-server.test-support.js";
import { openApiDocument } from "./openapi-document.js";
import { openApiConformance } from "./testing/openapi-validator.test-support.js";

/**
 * Issue 3, "OpenAPI": real calls to the real server (seeded demo workspace,
 * signed-in users) answer with a status the document lists for the
 * operation, and a body that validates (ajv) against its schema.
 */

const conformance = openApiConformance(openApiDocument);

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  return /json/.test(response.headers.get("content-type") ?? "") ? (JSON.parse(text) as unknown) : text;
}

describe.each(testEngines())("API responses conform to the OpenAPI document on $name", (engine) => {
  let server: AppsTestServer;
  const checked: string[] = [];

  /** Checks `response` against `method path` of the document (path as the document writes it) and returns its body. */
  async function conforms(response: Response, method: string, path: string, status: number): Promise<Record<string, unknown>> {
    const body = await bodyOf(response);
    expect(response.status, `${method} ${path}: ${JSON.stringify(body)}`).toBe(status);
    expect(conformance.check(method, path, response.status, response.headers.get("content-type"), body), `${method} ${path} ${status}`).toEqual([]);
    checked.push(`${method} ${path} ${status}`);
    return (body ?? {}) as Record<string, unknown>;
  }

  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  it("platform: health, readiness, schemas, this document", async () => {
    await conforms(await fetch(`${server.url}/healthz`), "GET", "/healthz", 200);
    await conforms(await fetch(`${server.url}/readyz`), "GET", "/readyz", 200);
    await conforms(await fetch(`${server.url}/api/v1/schemas/app-1.json`), "GET", "/api/v1/schemas/{name}", 200);
    await conforms(await fetch(`${server.url}/api/v1/schemas/nope.json`), "GET", "/api/v1/schemas/{name}", 404);
    await conforms(await fetch(`${server.url}/api/v1/openapi.json`), "GET", "/api/v1/openapi.json", 200);
  });

  it("auth: login (200, 400, 401), session, tokens create/list/revoke, logout", async () => {
    const login = (body: unknown) => call(server.url, "POST", "/api/v1/auth/login", { body });
    const signed = await conforms(await login({ username: "developer", password: DEMO_TEST_PASSWORD }), "POST", "/api/v1/auth/login", 200);
    expect(signed["csrfToken"]).toEqual(expect.any(String));
    await conforms(await login({ username: "developer", password: "wrong-password-123" }), "POST", "/api/v1/auth/login", 401);
    await conforms(await login({ username: "developer", password: DEMO_TEST_PASSWORD, extra: 1 }), "POST", "/api/v1/auth/login", 400);

    await conforms(await server.call("developer", "GET", "/api/v1/auth/session"), "GET", "/api/v1/auth/session", 200);
    await conforms(await server.call(undefined, "GET", "/api/v1/auth/session"), "GET", "/api/v1/auth/session", 401);

    const created = await conforms(await server.call("developer", "POST", "/api/v1/tokens", { body: { name: "ci", roles: ["developer"], expiresInDays: 7 } }), "POST", "/api/v1/tokens", 201);
    await conforms(await server.call("developer", "POST", "/api/v1/tokens", { body: { name: "too much", roles: ["admin"] } }), "POST", "/api/v1/tokens", 403);
    const listed = await conforms(await server.call("developer", "GET", "/api/v1/tokens"), "GET", "/api/v1/tokens", 200);
    expect(listed["tokens"]).toEqual([expect.objectContaining({ id: created["id"] })]);
    const asToken = await call(server.url, "GET", "/api/v1/auth/session", { as: { token: String(created["token"]) } });
    expect((await conforms(asToken, "GET", "/api/v1/auth/session", 200))["via"]).toBe("token");
    await conforms(await call(server.url, "POST", "/api/v1/auth/logout", { as: { token: String(created["token"]) } }), "POST", "/api/v1/auth/logout", 400);
    await conforms(await server.call("developer", "DELETE", `/api/v1/tokens/${String(created["id"])}`), "DELETE", "/api/v1/tokens/{id}", 204);
    await conforms(await server.call("developer", "DELETE", `/api/v1/tokens/${randomUUID()}`), "DELETE", "/api/v1/tokens/{id}", 404);

    const session = { cookie: (await call(server.url, "POST", "/api/v1/auth/login", { body: { username: "viewer", password: DEMO_TEST_PASSWORD } })).headers.getSetCookie()[0]?.split(";")[0] ?? "" };
    await conforms(await call(server.url, "POST", "/api/v1/auth/logout", { headers: session }), "POST", "/api/v1/auth/logout", 403); // no CSRF token
  });

  it("apps: create, list, get (200, 304, 404), save (200, 412, 422, 428), export, delete, restore", async () => {
    const created = await conforms(
      await server.call("builder", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "conformance" }) } }),
      "POST",
      "/api/v1/apps",
      201,
    );
    const path = `/api/v1/apps/${String(created["id"])}`;
    await conforms(await server.call("builder", "POST", "/api/v1/apps", { body: { definition: { schemaVersion: 1 } } }), "POST", "/api/v1/apps", 422);
    await conforms(await server.call("viewer", "POST", "/api/v1/apps", { body: { definition: sampleDefinition() } }), "POST", "/api/v1/apps", 403);
    await conforms(await server.call(undefined, "GET", "/api/v1/apps"), "GET", "/api/v1/apps", 401);

    await conforms(await server.call("viewer", "GET", "/api/v1/apps?limit=1"), "GET", "/api/v1/apps", 200);
    await conforms(await server.call("viewer", "GET", "/api/v1/apps?sort=name"), "GET", "/api/v1/apps", 400);
    const read = await server.call("viewer", "GET", path);
    const etag = read.headers.get("etag") ?? "";
    await conforms(read, "GET", "/api/v1/apps/{id}", 200);
    await conforms(await server.call("viewer", "GET", path, { headers: { "if-none-match": etag } }), "GET", "/api/v1/apps/{id}", 304);
    await conforms(await server.call("viewer", "GET", `/api/v1/apps/${randomUUID()}`), "GET", "/api/v1/apps/{id}", 404);

    const save = (definition: unknown, headers: Record<string, string>) => server.call("builder", "PUT", path, { body: { definition }, headers });
    await conforms(await save(sampleDefinition({ id: "conformance", text: "no if-match" }), {}), "PUT", "/api/v1/apps/{id}", 428);
    await conforms(await save({ schemaVersion: 1, id: "conformance" }, { "if-match": etag }), "PUT", "/api/v1/apps/{id}", 422);
    const saved = await save(sampleDefinition({ id: "conformance", text: "Saved" }), { "if-match": etag });
    await conforms(saved, "PUT", "/api/v1/apps/{id}", 200);
    await conforms(await save(sampleDefinition({ id: "conformance", text: "stale" }), { "if-match": etag }), "PUT", "/api/v1/apps/{id}", 412);

    await conforms(await server.call("viewer", "GET", `${path}/export`), "GET", "/api/v1/apps/{id}/export", 200);
    await conforms(await server.call("admin", "DELETE", path), "DELETE", "/api/v1/apps/{id}", 204);
    await conforms(await server.call("admin", "GET", "/api/v1/apps?deleted=true"), "GET", "/api/v1/apps", 200);
    await conforms(await server.call("admin", "POST", `${path}/restore`), "POST", "/api/v1/apps/{id}/restore", 200);

    const exported = await (await server.call("viewer", "GET", `${path}/export`)).json();
    await server.call("admin", "DELETE", path);
    await conforms(await server.call("builder", "POST", "/api/v1/apps/import", { body: exported }), "POST", "/api/v1/apps/import", 201);
  });

  it("versions: publish (201, 202), versions list/get, restore, four-eyes requests, approve", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "conformance-versions" }));
    const path = `/api/v1/apps/${app.id}`;
    await conforms(await server.call("builder", "POST", `${path}/publish`, { body: { note: "First" } }), "POST", "/api/v1/apps/{id}/publish", 201);
    await conforms(await server.call("builder", "POST", `${path}/publish`, { headers: { "if-match": '"stale"' } }), "POST", "/api/v1/apps/{id}/publish", 412);
    await conforms(await server.call("viewer", "GET", `${path}/versions`), "GET", "/api/v1/apps/{id}/versions", 200);
    await conforms(await server.call("viewer", "GET", `${path}/versions/1`), "GET", "/api/v1/apps/{id}/versions/{number}", 200);
    await conforms(await server.call("viewer", "GET", `${path}/versions/9`), "GET", "/api/v1/apps/{id}/versions/{number}", 404);
    await conforms(await server.call("builder", "POST", `${path}/versions/1/restore`), "POST", "/api/v1/apps/{id}/versions/{number}/restore", 200);
    await conforms(await server.call("viewer", "GET", `${path}/export?version=1`), "GET", "/api/v1/apps/{id}/export", 200);

    const guarded = await createTestApp(server, sampleDefinition({ id: "conformance-four-eyes" }), { requiresFourEyes: true });
    const guardedPath = `/api/v1/apps/${guarded.id}`;
    const asked = await conforms(await server.call("builder", "POST", `${guardedPath}/publish`), "POST", "/api/v1/apps/{id}/publish", 202);
    await conforms(await server.call("builder", "POST", `${guardedPath}/publish`), "POST", "/api/v1/apps/{id}/publish", 409);
    await conforms(await server.call("viewer", "GET", `${guardedPath}/publish-requests`), "GET", "/api/v1/apps/{id}/publish-requests", 200);
    const requestId = String((asked["publishRequest"] as Record<string, unknown>)["id"]);
    const approve = `${guardedPath}/publish-requests/${requestId}/approve`;
    await conforms(await server.call("builder", "POST", approve), "POST", "/api/v1/apps/{id}/publish-requests/{requestId}/approve", 403);
    await conforms(await server.call("admin", "POST", approve), "POST", "/api/v1/apps/{id}/publish-requests/{requestId}/approve", 201);
    await conforms(await server.call("admin", "POST", `${guardedPath}/publish-requests/${requestId}/reject`), "POST", "/api/v1/apps/{id}/publish-requests/{requestId}/reject", 409);

    await server.call("builder", "POST", `${guardedPath}/publish`);
    const pending = (await (await server.call("viewer", "GET", `${guardedPath}/publish-requests`)).json()) as { publishRequests: { id: string; status: string }[] };
    const second = pending.publishRequests.find((request) => request.status === "pending")?.id ?? "";
    await conforms(await server.call("builder", "POST", `${guardedPath}/publish-requests/${second}/reject`), "POST", "/api/v1/apps/{id}/publish-requests/{requestId}/reject", 200);
  });

  it("audit: list (200, 400, 403)", async () => {
    const page = await conforms(await server.call("admin", "GET", "/api/v1/audit?limit=50"), "GET", "/api/v1/audit", 200);
    expect((page["entries"] as unknown[]).length).toBeGreaterThan(0);
    await conforms(await server.call("admin", "GET", "/api/v1/audit?from=yesterday"), "GET", "/api/v1/audit", 400);
    await conforms(await server.call("builder", "GET", "/api/v1/audit"), "GET", "/api/v1/audit", 403);
  });

  it("exercised a success answer of every operation but logout", () => {
    const succeeded = new Set(checked.filter((entry) => /\s2\d\d$/.test(entry)).map((entry) => entry.replace(/\s\d+$/, "")));
    const missing = Object.entries(openApiDocument.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((operation) => !succeeded.has(operation) && operation !== "POST /api/v1/auth/logout");
    expect(missing).toEqual([]);
  });
});
