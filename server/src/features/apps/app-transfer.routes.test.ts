import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { problemOf } from "../auth/testing/http-client.test-support.js";
import { countRows, createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "./testing/apps-test-server.test-support.js";

describe.each(testEngines())("export and import on $name", (engine) => {
  let server: AppsTestServer;
  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  it("exports the draft, or a version, as a JSON file download", async () => {
    const first = sampleDefinition({ id: "exported", text: "published" });
    const app = await createTestApp(server, first);
    await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: {} });
    const draft = sampleDefinition({ id: "exported", text: "draft" });
    await server.call("builder", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: draft }, headers: { "if-match": app.etag } });

    const exported = await server.call("viewer", "GET", `/api/v1/apps/${app.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/^application\/json/);
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="exported.json"');
    expect(JSON.parse(await exported.text())).toEqual(draft);

    const version = await server.call("viewer", "GET", `/api/v1/apps/${app.id}/export?version=1`);
    expect(version.headers.get("content-disposition")).toBe('attachment; filename="exported-v1.json"');
    expect(await version.json()).toEqual(first);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}/export?version=9`)).status).toBe(404);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}/export?version=x`)).status).toBe(400);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}/export?format=yaml`)).status).toBe(400);
  });

  it("round-trips: an exported file imports as a new app with the same definition", async () => {
    const definition = sampleDefinition({ id: "round-trip", name: "Round trip" });
    const app = await createTestApp(server, definition);
    const file = await (await server.call("builder", "GET", `/api/v1/apps/${app.id}/export`)).text();

    // Same workspace: the slug is taken.
    const clash = await server.call("builder", "POST", "/api/v1/apps/import", { body: JSON.parse(file) as unknown });
    expect(clash.status).toBe(409);

    const imported = await server.call("other-admin", "POST", "/api/v1/apps/import", { body: JSON.parse(file) as unknown });
    expect(imported.status).toBe(201);
    const body = (await imported.json()) as { id: string; slug: string; definition: unknown };
    expect(body.id).not.toBe(app.id);
    expect(body).toMatchObject({ slug: "round-trip", name: "Round trip", definition });
    expect(imported.headers.get("etag")).toMatch(/^"/);
    const { rows } = await server.db.query<{ action: string; summary: { migrated: unknown[] } }>("SELECT action, summary FROM audit_log WHERE target = $1", [`app:${body.id}`]);
    expect(rows).toEqual([{ action: "app.imported", summary: expect.objectContaining({ slug: "round-trip", migrated: [] }) as unknown }]);
  });

  it("refuses invalid files with 422 and the problems' pointers, storing nothing", async () => {
    const before = await countRows(server.db, "apps");
    const invalid = { ...sampleDefinition({ id: "bad-import" }), pages: "none" };
    const response = await server.call("builder", "POST", "/api/v1/apps/import", { body: invalid });
    expect(response.status).toBe(422);
    expect(((await problemOf(response))["errors"] as { pointer: string }[]).map((error) => error.pointer)).toContain("/pages");
    // Written for a newer Finwright: cannot be migrated.
    const newer = await server.call("builder", "POST", "/api/v1/apps/import", { body: { ...sampleDefinition({ id: "from-future" }), schemaVersion: 2 } });
    expect(newer.status).toBe(422);
    expect(((await problemOf(newer))["errors"] as { code: string }[])[0]!.code).toBe("version.unsupported");
    expect((await server.call("builder", "POST", "/api/v1/apps/import", { body: [1, 2] })).status).toBe(422);
    expect((await server.call("builder", "POST", "/api/v1/apps/import")).status).toBe(400);
    expect((await server.call("viewer", "POST", "/api/v1/apps/import", { body: sampleDefinition({ id: "viewer-import" }) })).status).toBe(403);
    expect(await countRows(server.db, "apps")).toBe(before);
  });
});
