import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { problemOf } from "../auth/testing/http-client.test-support.js";
import { auditActionsOf, countRows, createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "./testing/apps-test-server.test-support.js";

describe.each(testEngines())("apps and drafts on $name", (engine) => {
  let server: AppsTestServer;
  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  it("creates an app from a definition and reads it back with its ETag", async () => {
    const definition = sampleDefinition({ id: "create-read", name: "Create and read" });
    const response = await server.call("builder", "POST", "/api/v1/apps", { body: { definition } });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{24}"$/);
    expect(response.headers.get("location")).toBe(`/api/v1/apps/${String(created["id"])}`);
    expect(created).toMatchObject({ slug: "create-read", name: "Create and read", requiresFourEyes: false, latestVersion: null, definition });
    expect(created["createdBy"]).toBe((server.users.builder.body["user"] as { id: string }).id);

    const read = await server.call("viewer", "GET", `/api/v1/apps/${String(created["id"])}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(etag);
    expect(await read.json()).toEqual(created);
    const unchanged = await server.call("viewer", "GET", `/api/v1/apps/${String(created["id"])}`, { headers: { "if-none-match": etag! } });
    expect(unchanged.status).toBe(304);
    expect(await auditActionsOf(server.db, String(created["id"]))).toEqual(["app.created"]);
  });

  it("refuses an invalid definition with 422, every problem with pointer, code and message, and stores nothing", async () => {
    const [apps, audit] = [await countRows(server.db, "apps"), await countRows(server.db, "audit_log")];
    const definition = { ...sampleDefinition({ id: "invalid-one" }), pages: [{ id: "home", path: "/", title: "Home", root: { id: "root", type: "Stak" } }], extra: 1 };
    const response = await server.call("builder", "POST", "/api/v1/apps", { body: { definition } });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    const errors = problem["errors"] as { pointer: string; code: string; message: string }[];
    expect(errors.map((error) => [error.pointer, error.code])).toEqual(
      expect.arrayContaining([
        ["/definition/extra", "schema.unknown-property"],
        ["/definition/pages/0/root/type", "component.unknown-type"],
      ]),
    );
    for (const error of errors) expect(Object.keys(error).sort()).toEqual(["code", "message", "pointer"]);
    expect([await countRows(server.db, "apps"), await countRows(server.db, "audit_log")]).toEqual([apps, audit]);
  });

  it("refuses unknown and missing body fields with 400, and a non-object definition with 422", async () => {
    const unknown = await server.call("builder", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "unknown-field" }), workspaceId: "x" } });
    expect(unknown.status).toBe(400);
    expect(((await problemOf(unknown))["errors"] as { pointer: string }[]).map((error) => error.pointer)).toEqual(["/workspaceId"]);
    expect((await server.call("builder", "POST", "/api/v1/apps", { body: {} })).status).toBe(400);
    expect((await server.call("builder", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "x-y" }), requiresFourEyes: "yes" } })).status).toBe(400);
    expect((await server.call("builder", "POST", "/api/v1/apps", { body: { definition: "not an app" } })).status).toBe(422);
    expect((await server.call("builder", "POST", "/api/v1/apps", { body: [sampleDefinition()] })).status).toBe(400);
  });

  it("gives each slug to one live app of a workspace (409 for a second)", async () => {
    await createTestApp(server, sampleDefinition({ id: "twice" }));
    const again = await server.call("developer", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "twice" }) } });
    expect(again.status).toBe(409);
  });

  it("replaces the draft only with the current ETag: 428 without If-Match, 412 with the current ETag when stale", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "etag-rules" }));
    const path = `/api/v1/apps/${app.id}`;
    const edited = sampleDefinition({ id: "etag-rules", name: "Edited", text: "v2" });

    const missing = await server.call("builder", "PUT", path, { body: { definition: edited } });
    expect(missing.status).toBe(428);
    expect((await server.call("builder", "PUT", path, { body: { definition: edited }, headers: { "if-match": "*" } })).status).toBe(428);
    expect((await server.call("builder", "PUT", path, { body: { definition: edited }, headers: { "if-match": "no-quotes" } })).status).toBe(400);

    const saved = await server.call("developer", "PUT", path, { body: { definition: edited }, headers: { "if-match": app.etag } });
    expect(saved.status).toBe(200);
    const newEtag = saved.headers.get("etag")!;
    expect(newEtag).not.toBe(app.etag);
    expect(await saved.json()).toMatchObject({ name: "Edited", definition: edited, updatedBy: (server.users.developer.body["user"] as { id: string }).id });

    const stale = await server.call("builder", "PUT", path, { body: { definition: sampleDefinition({ id: "etag-rules", text: "lost" }) }, headers: { "if-match": app.etag } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(newEtag);
    expect(await problemOf(stale)).toMatchObject({ status: 412 });
    // A weak tag never matches (strong comparison), even with the current value.
    expect((await server.call("builder", "PUT", path, { body: { definition: edited }, headers: { "if-match": `W/${newEtag}` } })).status).toBe(412);

    const current = await server.call("viewer", "GET", path);
    expect(((await current.json()) as { definition: unknown }).definition).toEqual(edited);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created", "app.updated"]);
  });

  it("validates every save: an invalid draft is refused with 422 and the stored draft stays", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "put-invalid" }));
    const invalid = { ...sampleDefinition({ id: "put-invalid" }), name: "" };
    const response = await server.call("builder", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: invalid }, headers: { "if-match": app.etag } });
    expect(response.status).toBe(422);
    expect(((await problemOf(response))["errors"] as { pointer: string }[])[0]!.pointer).toBe("/definition/name");
    const read = await server.call("builder", "GET", `/api/v1/apps/${app.id}`);
    expect(read.headers.get("etag")).toBe(app.etag);
    // The app's id is its slug: it cannot change through a save.
    const renamed = await server.call("builder", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: sampleDefinition({ id: "another-id" }) }, headers: { "if-match": app.etag } });
    expect(renamed.status).toBe(422);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created"]);
  });

  it("answers 404 for ids that are not uuids or not in the caller's workspace", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "isolated" }));
    for (const path of ["/api/v1/apps/not-a-uuid", "/api/v1/apps/00000000-0000-0000-0000-000000000000", "/api/v1/apps/1%27%20OR%201=1"]) {
      expect((await server.call("admin", "GET", path)).status, path).toBe(404);
    }
    const other = "other-admin";
    expect((await server.call(other, "GET", `/api/v1/apps/${app.id}`)).status).toBe(404);
    expect((await server.call(other, "PUT", `/api/v1/apps/${app.id}`, { body: { definition: sampleDefinition({ id: "isolated" }) }, headers: { "if-match": app.etag } })).status).toBe(404);
    expect((await server.call(other, "PUT", `/api/v1/apps/${app.id}`, { body: { definition: sampleDefinition({ id: "isolated" }) } })).status).toBe(404); // not 428: it does not exist for them
    expect((await server.call(other, "DELETE", `/api/v1/apps/${app.id}`)).status).toBe(404);
    expect((await server.call(other, "POST", `/api/v1/apps/${app.id}/publish`, { body: {} })).status).toBe(404);
    expect((await server.call(other, "GET", `/api/v1/apps/${app.id}/versions`)).status).toBe(404);
    expect((await server.call(other, "GET", `/api/v1/apps/${app.id}/export`)).status).toBe(404);
    const list = (await (await server.call(other, "GET", "/api/v1/apps")).json()) as { apps: unknown[] };
    expect(list.apps).toEqual([]);
    // The other workspace may use the same slug: slugs are unique per workspace.
    expect((await server.call(other, "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "isolated" }) } })).status).toBe(201);
  });

  it("lets viewers read but not write (403)", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "viewer-check" }));
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}`)).status).toBe(200);
    expect((await server.call("viewer", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "by-viewer" }) } })).status).toBe(403);
    expect((await server.call("viewer", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: sampleDefinition({ id: "viewer-check" }) }, headers: { "if-match": app.etag } })).status).toBe(403);
    expect((await server.call("viewer", "POST", `/api/v1/apps/${app.id}/publish`, { body: {} })).status).toBe(403);
    expect((await server.call("builder", "DELETE", `/api/v1/apps/${app.id}`)).status).toBe(403);
    expect((await server.call("checker", "GET", `/api/v1/apps/${app.id}`)).status).toBe(403);
    expect((await server.call(undefined, "GET", `/api/v1/apps/${app.id}`)).status).toBe(401);
  });

  it("soft-deletes (admins) and restores: gone from reads and lists, back with its draft", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "to-delete" }));
    expect((await server.call("admin", "DELETE", `/api/v1/apps/${app.id}`)).status).toBe(204);
    expect((await server.call("admin", "DELETE", `/api/v1/apps/${app.id}`)).status).toBe(404);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}`)).status).toBe(404);
    const live = (await (await server.call("admin", "GET", "/api/v1/apps?q=to-delete")).json()) as { apps: unknown[] };
    expect(live.apps).toEqual([]);
    const deleted = (await (await server.call("admin", "GET", "/api/v1/apps?deleted=true&q=to-delete")).json()) as { apps: { id: string; deletedAt: string }[] };
    expect(deleted.apps.map((entry) => entry.id)).toEqual([app.id]);
    expect(deleted.apps[0]!.deletedAt).toEqual(expect.any(String));
    expect((await server.call("builder", "GET", "/api/v1/apps?deleted=true")).status).toBe(403);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/restore`)).status).toBe(403);
    expect((await server.db.query("SELECT count(*)::int AS n FROM apps WHERE id = $1", [app.id])).rows[0]).toEqual({ n: 1 });

    const restored = await server.call("admin", "POST", `/api/v1/apps/${app.id}/restore`);
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { definition: unknown }).definition).toEqual(sampleDefinition({ id: "to-delete" }));
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}`)).status).toBe(200);
    expect((await server.call("admin", "POST", `/api/v1/apps/${app.id}/restore`)).status).toBe(404);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created", "app.deleted", "app.restored"]);
  });

  it("refuses to restore an app whose slug another app took meanwhile (409)", async () => {
    const first = await createTestApp(server, sampleDefinition({ id: "slug-reuse" }));
    await server.call("admin", "DELETE", `/api/v1/apps/${first.id}`);
    await createTestApp(server, sampleDefinition({ id: "slug-reuse" }));
    expect((await server.call("admin", "POST", `/api/v1/apps/${first.id}/restore`)).status).toBe(409);
  });

  it("lists apps by slug with a cursor, ?limit up to 100, and searches name and slug literally", async () => {
    for (const id of ["list-c", "list-a", "list-b"]) await createTestApp(server, sampleDefinition({ id, name: `Listed ${id}` }));
    const first = (await (await server.call("viewer", "GET", "/api/v1/apps?q=list-&limit=2")).json()) as { apps: { slug: string }[]; nextCursor: string };
    expect(first.apps.map((app) => app.slug)).toEqual(["list-a", "list-b"]);
    const second = (await (await server.call("viewer", "GET", `/api/v1/apps?q=list-&limit=2&cursor=${first.nextCursor}`)).json()) as { apps: { slug: string }[]; nextCursor: string | null };
    expect(second).toEqual({ apps: [expect.objectContaining({ slug: "list-c" })], nextCursor: null });
    expect(((await (await server.call("viewer", "GET", "/api/v1/apps?q=LISTED%20LIST-B")).json()) as { apps: { slug: string }[] }).apps.map((app) => app.slug)).toEqual(["list-b"]);
    expect(((await (await server.call("viewer", "GET", "/api/v1/apps?q=%25")).json()) as { apps: unknown[] }).apps).toEqual([]);
    for (const query of ["limit=101", "limit=0", "limit=abc", "cursor=garbage", "deleted=maybe", "sort=name", "q=a&q=b", "q=%00"]) {
      expect((await server.call("viewer", "GET", `/api/v1/apps?${query}`)).status, query).toBe(400);
    }
  });
});
