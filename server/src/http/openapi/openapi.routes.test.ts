import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";
import { openApiDocument } from "./openapi-document.js";

let server: ListeningApp;
beforeAll(async () => {
  server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() }));
});
afterAll(() => server.close());

const get = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1/openapi.json`, { headers });

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without signing in, with a strong ETag", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it("answers If-None-Match with the current ETag with 304", async () => {
    const etag = (await get()).headers.get("etag") ?? "";
    const revalidated = await get({ "if-none-match": etag, "cache-control": "max-age=0" });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect((await get({ "if-none-match": '"stale"', "cache-control": "max-age=0" })).status).toBe(200);
  });
});
