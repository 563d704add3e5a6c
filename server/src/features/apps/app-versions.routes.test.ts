import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { problemOf } from "../auth/testing/http-client.test-support.js";
import { canonicalJson } from "../audit/canonical-json.js";
import { auditActionsOf, countRows, createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "./testing/apps-test-server.test-support.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe.each(testEngines())("publishing and versions on $name", (engine) => {
  let server: AppsTestServer;
  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  async function save(appId: string, etag: string, definition: Record<string, unknown>): Promise<string> {
    const response = await server.call("builder", "PUT", `/api/v1/apps/${appId}`, { body: { definition }, headers: { "if-match": etag } });
    expect(response.status).toBe(200);
    return response.headers.get("etag")!;
  }

  it("publishes numbered versions with note, author and the definition's hash", async () => {
    const first = sampleDefinition({ id: "versioned", text: "one" });
    const app = await createTestApp(server, first);
    const published = await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "First release" } });
    expect(published.status).toBe(201);
    expect(published.headers.get("location")).toBe(`/api/v1/apps/${app.id}/versions/1`);
    const builderId = (server.users.builder.body["user"] as { id: string }).id;
    expect(await published.json()).toMatchObject({ published: true, version: { number: 1, note: "First release", publishedBy: builderId, definitionHash: sha256(canonicalJson(first)), approvedBy: null } });

    const second = sampleDefinition({ id: "versioned", text: "two" });
    await save(app.id, app.etag, second);
    const again = await server.call("developer", "POST", `/api/v1/apps/${app.id}/publish`); // no body: no note
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ version: { number: 2, note: "", definitionHash: sha256(canonicalJson(second)) } });

    const list = (await (await server.call("viewer", "GET", `/api/v1/apps/${app.id}/versions`)).json()) as { versions: { number: number; definition?: unknown }[] };
    expect(list.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(list.versions[0]!.definition).toBeUndefined();
    const one = await server.call("viewer", "GET", `/api/v1/apps/${app.id}/versions/1`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ number: 1, definition: first });
    for (const bad of ["3", "0", "-1", "abc", "1.5", "99999999999"]) expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}/versions/${bad}`)).status, bad).toBe(404);
    expect(((await (await server.call("viewer", "GET", `/api/v1/apps/${app.id}`)).json()) as { latestVersion: number }).latestVersion).toBe(2);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created", "app.published", "app.updated", "app.published"]);
  });

  it("keeps versions immutable: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "immutable" }));
    await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "v1" } });
    await expect(server.db.query("UPDATE app_versions SET note = 'changed' WHERE app_id = $1", [app.id])).rejects.toThrow(/immutable/);
    await expect(server.db.query("UPDATE app_versions SET definition = '{}' WHERE app_id = $1", [app.id])).rejects.toThrow(/immutable/);
    await expect(server.db.query("DELETE FROM app_versions WHERE app_id = $1", [app.id])).rejects.toThrow(/immutable/);
    await expect(server.db.query("TRUNCATE app_versions")).rejects.toThrow(/immutable/);
    expect((await server.db.query("SELECT note FROM app_versions WHERE app_id = $1", [app.id])).rows).toEqual([{ note: "v1" }]);
  });

  it("checks an optional If-Match on publish (412 with the current ETag when stale)", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "publish-if-match" }));
    const newer = await save(app.id, app.etag, sampleDefinition({ id: "publish-if-match", text: "newer" }));
    const stale = await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: {}, headers: { "if-match": app.etag } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(newer);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: {}, headers: { "if-match": newer } })).status).toBe(201);
  });

  it("restores a version into the draft with a new ETag, leaving the versions as they were", async () => {
    const first = sampleDefinition({ id: "restorable", name: "Restorable", text: "one" });
    const app = await createTestApp(server, first);
    await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "one" } });
    const etag = await save(app.id, app.etag, sampleDefinition({ id: "restorable", name: "Renamed", text: "two" }));

    expect((await server.call("viewer", "POST", `/api/v1/apps/${app.id}/versions/1/restore`)).status).toBe(403);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/versions/1/restore`, { headers: { "if-match": app.etag } })).status).toBe(412);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/versions/7/restore`)).status).toBe(404);
    const restored = await server.call("builder", "POST", `/api/v1/apps/${app.id}/versions/1/restore`, { headers: { "if-match": etag } });
    expect(restored.status).toBe(200);
    const newEtag = restored.headers.get("etag")!;
    expect([app.etag, etag]).not.toContain(newEtag);
    expect(await restored.json()).toMatchObject({ name: "Restorable", definition: first, latestVersion: 1 });
    // The old ETag is stale now.
    expect((await server.call("builder", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: first }, headers: { "if-match": etag } })).status).toBe(412);
    expect(await countRows(server.db, "app_versions")).toBeGreaterThan(0);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created", "app.published", "app.updated", "app.version_restored"]);
  });

  it("four eyes: publish files a request; the requester cannot approve it, another builder can", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "four-eyes" }), { requiresFourEyes: true });
    expect(app.body["requiresFourEyes"]).toBe(true);
    const asked = await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "Please review" } });
    expect(asked.status).toBe(202);
    const { publishRequest } = (await asked.json()) as { publishRequest: { id: string; status: string } };
    expect(publishRequest.status).toBe("pending");
    // Nothing is published until someone else approves.
    expect(await (await server.call("viewer", "GET", `/api/v1/apps/${app.id}/versions`)).json()).toEqual({ versions: [] });
    // One pending request at a time.
    expect((await server.call("developer", "POST", `/api/v1/apps/${app.id}/publish`, { body: {} })).status).toBe(409);

    const approve = `/api/v1/apps/${app.id}/publish-requests/${publishRequest.id}/approve`;
    const own = await server.call("builder", "POST", approve);
    expect(own.status).toBe(403);
    expect((await problemOf(own))["title"]).toBe("Cannot approve your own request");
    expect((await server.call("developer", "POST", approve)).status).toBe(403); // not an approver role
    expect((await server.call("other-admin", "POST", approve)).status).toBe(404);

    const approved = await server.call("admin", "POST", approve);
    expect(approved.status).toBe(201);
    const builderId = (server.users.builder.body["user"] as { id: string }).id;
    const adminId = (server.users.admin.body["user"] as { id: string }).id;
    expect(await approved.json()).toMatchObject({
      version: { number: 1, note: "Please review", publishedBy: builderId, approvedBy: adminId },
      publishRequest: { status: "approved", decidedBy: adminId, version: 1 },
    });
    expect((await server.call("admin", "POST", approve)).status).toBe(409); // decided already
    const requests = (await (await server.call("viewer", "GET", `/api/v1/apps/${app.id}/publish-requests`)).json()) as { publishRequests: { status: string }[] };
    expect(requests.publishRequests.map((request) => request.status)).toEqual(["approved"]);
    expect(await auditActionsOf(server.db, app.id)).toEqual(["app.created", "app.publish_requested", "app.publish_approved"]);
  });

  it("four eyes: a request whose draft changed cannot be approved; it can be rejected or withdrawn", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "four-eyes-changed" }), { requiresFourEyes: true });
    const asked = (await (await server.call("developer", "POST", `/api/v1/apps/${app.id}/publish`, { body: {} })).json()) as { publishRequest: { id: string } };
    await save(app.id, app.etag, sampleDefinition({ id: "four-eyes-changed", text: "changed after the request" }));
    const base = `/api/v1/apps/${app.id}/publish-requests/${asked.publishRequest.id}`;
    expect((await server.call("builder", "POST", `${base}/approve`)).status).toBe(409);
    const withdrawn = await server.call("developer", "POST", `${base}/reject`);
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as { publishRequest: { status: string } }).publishRequest.status).toBe("rejected");

    const again = (await (await server.call("developer", "POST", `/api/v1/apps/${app.id}/publish`, { body: {} })).json()) as { publishRequest: { id: string } };
    const rejectAgain = `/api/v1/apps/${app.id}/publish-requests/${again.publishRequest.id}/reject`;
    expect((await server.call("admin", "POST", rejectAgain)).status).toBe(200);
    expect((await server.call("admin", "POST", `/api/v1/apps/${app.id}/publish-requests/not-a-uuid/approve`)).status).toBe(404);
    // Nobody approves their own request, even directly in the database.
    const developerId = (server.users.developer.body["user"] as { id: string }).id;
    await expect(
      server.db.query("UPDATE publish_requests SET status = 'approved', decided_by = requested_by, decided_at = now(), version_number = 1 WHERE requested_by = $1", [developerId]),
    ).rejects.toThrow(/check constraint/);
  });
});
