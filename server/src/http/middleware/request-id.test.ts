import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "../create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: ListeningApp;
beforeEach(async () => {
  server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() }));
});
afterEach(() => server.close());

const idOf = async (headers: Record<string, string> = {}, path = "/healthz"): Promise<string | null> =>
  (await fetch(`${server.url}${path}`, { headers })).headers.get("x-request-id");

describe("request id", () => {
  it("echoes an acceptable incoming x-request-id", async () => {
    expect(await idOf({ "x-request-id": "abc_DEF-123" })).toBe("abc_DEF-123");
    expect(await idOf({ "x-request-id": "a".repeat(100) })).toBe("a".repeat(100));
  });

  it("generates a UUID when none is sent", async () => {
    const first = await idOf();
    const second = await idOf();
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
  });

  it("replaces an incoming id that is too long or has other characters", async () => {
    for (const incoming of ["a".repeat(101), "has space", "x\u00e9", "a.b", "id;drop", "{json}", ""]) {
      expect(await idOf({ "x-request-id": incoming }), incoming).toMatch(UUID);
    }
  });

  it("is the same in the header and in a problem body", async () => {
    const response = await fetch(`${server.url}/missing`, { headers: { "x-request-id": "same-id" } });
    expect(response.headers.get("x-request-id")).toBe("same-id");
    expect(((await response.json()) as { requestId: string }).requestId).toBe("same-id");
  });
});
