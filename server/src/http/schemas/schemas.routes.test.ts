import { APP_SCHEMA_ID, definitionSchemas } from "@finwright/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";

let server: ListeningApp;
beforeAll(async () => {
  server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() }));
});
afterAll(() => server.close());

const get = (name: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1/schemas/${name}`, { headers });

describe("GET /api/v1/schemas/:name", () => {
  it("serves app-1.json, the published root schema, without signing in", async () => {
    const response = await get("app-1.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/schema+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const schema = (await response.json()) as { $id: string };
    expect(schema.$id).toBe(APP_SCHEMA_ID);
    expect(schema).toEqual(definitionSchemas[0]);
  });

  it("serves every part by the file name of its $id", async () => {
    for (const schema of definitionSchemas) {
      const name = schema.$id.split("/").pop() ?? "";
      const response = await get(name);
      expect(response.status, name).toBe(200);
      expect(((await response.json()) as { $id: string }).$id).toBe(schema.$id);
    }
  });

  it("answers If-None-Match with the current ETag with 304", async () => {
    const etag = (await get("money-1.json")).headers.get("etag") ?? "";
    // fetch adds "Cache-Control: no-cache" to conditional requests unless one is given; a browser revalidates with max-age=0.
    const revalidated = await get("money-1.json", { "if-none-match": etag, "cache-control": "max-age=0" });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect((await get("money-1.json", { "if-none-match": '"stale"', "cache-control": "max-age=0" })).status).toBe(200);
  });

  it("answers HEAD like GET, without a body", async () => {
    const response = await fetch(`${server.url}/api/v1/schemas/app-1.json`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).not.toBeNull();
  });

  it("answers an unknown name with 404 problem+json listing the published names", async () => {
    for (const name of ["app-2.json", "__proto__", "constructor", "..%2Fpackage.json", "APP-1.JSON"]) {
      const response = await get(name);
      expect(response.status, name).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    const problem = (await (await get("app-2.json")).json()) as { detail: string };
    expect(problem.detail).toContain("app-1.json");
  });

  it("refuses other methods with 405", async () => {
    const response = await fetch(`${server.url}/api/v1/schemas/app-1.json`, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
