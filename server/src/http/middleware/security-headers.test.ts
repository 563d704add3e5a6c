import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "../create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";

let server: ListeningApp;
beforeEach(async () => {
  server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() }));
});
afterEach(() => server.close());

/** The CSP as a map of directive → sources. */
function directivesOf(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0] !== undefined && tokens[0] !== "")
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

describe("security headers", () => {
  // A route, a 404 and a 500-free error: every answer carries the headers.
  for (const path of ["/healthz", "/api/v1/schemas/app-1.json", "/no-such-route"]) {
    it(`are sent on ${path}`, async () => {
      const response = await fetch(`${server.url}${path}`);
      const headers = response.headers;
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(headers.has("x-powered-by")).toBe(false);
      expect(headers.get("content-security-policy")).not.toBeNull();
    });
  }

  it("send a CSP that allows only this origin, without unsafe-eval", async () => {
    const csp = (await fetch(`${server.url}/healthz`)).headers.get("content-security-policy") ?? "";
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(csp).not.toMatch(/https?:|wss?:|\*/); // no external origin, no scheme or wildcard source
    const directives = directivesOf(csp);
    expect(Object.fromEntries(directives)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "worker-src": ["'self'"],
      "connect-src": ["'self'"],
      "font-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
    });
  });
});
