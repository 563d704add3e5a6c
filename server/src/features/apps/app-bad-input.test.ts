import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { countRows, createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "./testing/apps-test-server.test-support.js";

const SQL = "'; DROP TABLE apps; --";
const MORE_SQL = ["1' OR '1'='1", "\"); DELETE FROM app_versions; --", "$1; SELECT pg_sleep(10)", "%' OR slug LIKE '%"];

/** Issue 3, "Bad input": each a 4xx with a clear problem, or stored as plain text; never a 5xx. */
describe.each(testEngines())("bad input to the app routes on $name", (engine) => {
  let server: AppsTestServer;
  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  async function raw(method: string, path: string, body: string, headers: Record<string, string>): Promise<Response> {
    const signedIn = server.users.builder;
    return fetch(`${server.url}${path}`, { method, body, headers: { cookie: signedIn.cookie, "x-csrf-token": signedIn.csrfToken, ...headers } });
  }

  it("answers malformed JSON with 400 and a wrong content type with 415, storing nothing", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "malformed-target" }));
    const before = await countRows(server.db, "apps");
    expect((await raw("POST", "/api/v1/apps", '{"definition": {', { "content-type": "application/json" })).status).toBe(400);
    expect((await raw("PUT", `/api/v1/apps/${app.id}`, "{definition: 1}", { "content-type": "application/json", "if-match": app.etag })).status).toBe(400);
    expect((await raw("POST", "/api/v1/apps/import", "null", { "content-type": "application/json" })).status).toBe(400);
    expect((await raw("POST", "/api/v1/apps", JSON.stringify({ definition: sampleDefinition() }), { "content-type": "text/plain" })).status).toBe(415);
    expect((await raw("POST", "/api/v1/apps/import", "definition=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect(await countRows(server.db, "apps")).toBe(before);
  });

  it("refuses bodies over the definition limit with 413", async () => {
    const huge = JSON.stringify({ definition: { ...sampleDefinition({ id: "huge" }), description: "x".repeat(7 * 1024 * 1024) } });
    const response = await raw("POST", "/api/v1/apps", huge, { "content-type": "application/json" });
    expect(response.status).toBe(413);
  });

  it("stores SQL-looking text in every text field as plain text, or refuses it with a 4xx", async () => {
    const [apps, versions] = [await countRows(server.db, "apps"), await countRows(server.db, "app_versions")];
    for (const [index, text] of [SQL, ...MORE_SQL].entries()) {
      const definition = sampleDefinition({ id: `sql-${index}`, name: text, text });
      (definition as { description?: string }).description = text;
      const created = await server.call("builder", "POST", "/api/v1/apps", { body: { definition } });
      expect(created.status).toBe(201);
      const app = (await created.json()) as { id: string; name: string; definition: unknown };
      expect(app.name).toBe(text);
      expect(app.definition).toEqual(definition);
      const published = await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: text } });
      expect(published.status).toBe(201);
      expect(((await published.json()) as { version: { note: string } }).version.note).toBe(text);
      const found = (await (await server.call("viewer", "GET", `/api/v1/apps?q=${encodeURIComponent(text)}`)).json()) as { apps: { id: string }[] };
      expect(found.apps.map((entry) => entry.id)).toEqual([app.id]);
    }
    // Where text must have a shape (the id is a slug, ids are uuids, a cursor is ours), it is refused.
    expect((await server.call("builder", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: SQL }) } })).status).toBe(422);
    expect((await server.call("builder", "POST", "/api/v1/apps/import", { body: sampleDefinition({ id: SQL }) })).status).toBe(422);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${encodeURIComponent(SQL)}`)).status).toBe(404);
    expect((await server.call("viewer", "GET", `/api/v1/apps?cursor=${encodeURIComponent(SQL)}`)).status).toBe(400);
    expect((await server.call("viewer", "GET", `/api/v1/apps?cursor=${Buffer.from(JSON.stringify([SQL, SQL])).toString("base64url")}`)).status).toBe(400);
    const app = await createTestApp(server, sampleDefinition({ id: "sql-if-match" }));
    expect((await server.call("builder", "PUT", `/api/v1/apps/${app.id}`, { body: { definition: sampleDefinition({ id: "sql-if-match" }) }, headers: { "if-match": `"${SQL}"` } })).status).toBe(412);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/versions/${encodeURIComponent(SQL)}/restore`)).status).toBe(404);
    expect((await server.call("admin", "POST", `/api/v1/apps/${app.id}/publish-requests/${encodeURIComponent(SQL)}/approve`)).status).toBe(404);
    // Every table is still there, and holds what was sent.
    expect(await countRows(server.db, "apps")).toBe(apps + MORE_SQL.length + 2);
    expect(await countRows(server.db, "app_versions")).toBe(versions + MORE_SQL.length + 1);
  });

  it("refuses text the database cannot store (NUL, broken surrogates) with a 4xx, storing nothing", async () => {
    const [before, versions] = [await countRows(server.db, "apps"), await countRows(server.db, "app_versions")];
    const nul = await server.call("builder", "POST", "/api/v1/apps", { body: { definition: sampleDefinition({ id: "nul", name: "a\u0000b" }) } });
    expect(nul.status).toBe(422);
    const surrogate = await raw("POST", "/api/v1/apps", '{"definition":' + JSON.stringify(sampleDefinition({ id: "surrogate" })).replace('"Hello"', '"\\ud800"') + "}", { "content-type": "application/json" });
    expect(surrogate.status).toBe(422);
    const key = await raw("POST", "/api/v1/apps/import", JSON.stringify(sampleDefinition({ id: "nul-key" })).replace('"schemaVersion"', '"\\u0000":1,"schemaVersion"'), { "content-type": "application/json" });
    expect(key.status).toBe(422);
    const app = await createTestApp(server, sampleDefinition({ id: "nul-note" }));
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "a\u0000b" } })).status).toBe(400);
    expect((await server.call("builder", "POST", `/api/v1/apps/${app.id}/publish`, { body: { note: "ok", version: 3 } })).status).toBe(400);
    expect((await server.call("viewer", "GET", "/api/v1/apps?q=%ED%A0%80")).status).toBeLessThan(500);
    expect(await countRows(server.db, "apps")).toBe(before + 1);
    expect(await countRows(server.db, "app_versions")).toBe(versions);
  });

  it("refuses bodies on routes that take none", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "no-body" }));
    expect((await server.call("admin", "DELETE", `/api/v1/apps/${app.id}`, { body: { force: true } })).status).toBe(400);
    expect((await server.call("viewer", "GET", `/api/v1/apps/${app.id}`)).status).toBe(200);
  });
});
