import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../create-server.js";
import { routePolicies } from "../policy/route-policies.js";
import { defineRoute } from "../policy/define-route.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { captureLog, listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";
import { appWithRoutes } from "../testing/test-app.test-support.js";
import { HttpProblem } from "./problem.js";

let server: ListeningApp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startServer(): Promise<string> {
  server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() }));
  return server.url;
}

/** Reads a problem response, checking what every problem response has. */
async function problemOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json(;|$)/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body["status"]).toBe(response.status);
  for (const field of ["type", "title", "detail", "instance"]) expect(typeof body[field], field).toBe("string");
  expect(body["requestId"]).toBe(response.headers.get("x-request-id"));
  return body;
}

const jsonPost = (body: string, contentType = "application/json"): RequestInit => ({ method: "POST", headers: { "content-type": contentType }, body });

describe("client errors of the real server", () => {
  it("answers malformed JSON with 400 problem+json, the request id and no stack", async () => {
    const url = await startServer();
    const response = await fetch(`${url}/healthz`, jsonPost('{"name": "x",}'));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ title: "Malformed JSON", type: "https://finwright.dev/problems/malformed-json", instance: "/healthz" });
    expect(problem["detail"]).toMatch(/not valid JSON/);
  });

  it("answers a body over 100 kB with 413", async () => {
    const url = await startServer();
    const response = await fetch(`${url}/healthz`, jsonPost(JSON.stringify({ text: "x".repeat(101 * 1024) })));
    expect(response.status).toBe(413);
    expect((await problemOf(response))["detail"]).toMatch(/larger than 100 kB/);
  });

  it("answers a POST body that is not application/json with 415", async () => {
    const url = await startServer();
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await fetch(`${url}/healthz`, jsonPost("a=1", contentType));
      expect(response.status, contentType).toBe(415);
      await problemOf(response);
    }
  });

  it("answers JSON in another charset or an unknown Content-Encoding with 415", async () => {
    const url = await startServer();
    const latin1 = await fetch(`${url}/healthz`, jsonPost("{}", "application/json; charset=latin1"));
    expect(latin1.status).toBe(415);
    expect((await problemOf(latin1))["detail"]).toMatch(/UTF-8/);
    const compressed = await fetch(`${url}/healthz`, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "x-unknown" }, body: "{}" });
    expect(compressed.status).toBe(415);
    await problemOf(compressed);
  });

  it("answers a broken percent-encoding in the path with 400", async () => {
    const url = await startServer();
    const response = await fetch(`${url}/api/v1/schemas/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect((await problemOf(response))["detail"]).toMatch(/percent-encoding/);
  });

  it("accepts application/json with a charset, and an unsafe method without a body", async () => {
    const url = await startServer();
    const withCharset = await fetch(`${url}/healthz`, jsonPost("{}", "application/json; charset=utf-8"));
    const withoutBody = await fetch(`${url}/healthz`, { method: "DELETE" });
    // Both get past the content-type check and reach routing: /healthz only answers GET.
    expect([withCharset.status, withoutBody.status]).toEqual([405, 405]);
  });

  it("answers an unknown route with 404 problem+json, without the query string", async () => {
    const url = await startServer();
    const response = await fetch(`${url}/api/v1/nothing-here?token=abc`);
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ title: "Not found", instance: "/api/v1/nothing-here" });
    expect(JSON.stringify(problem)).not.toContain("abc");
  });

  it("answers a known path with another method with 405 and Allow", async () => {
    const url = await startServer();
    const response = await fetch(`${url}/readyz`, { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    await problemOf(response);
  });

  it("matches paths exactly: case and trailing slashes matter", async () => {
    const url = await startServer();
    expect((await fetch(`${url}/HEALTHZ`)).status).toBe(404);
    expect((await fetch(`${url}/healthz/`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe("errors thrown by handlers", () => {
  const boom: RoutePolicy = { method: "GET", path: "/test/boom", access: "public", summary: "throws" };
  const asyncBoom: RoutePolicy = { method: "GET", path: "/test/async-boom", access: "public", summary: "rejects" };
  const problem: RoutePolicy = { method: "POST", path: "/test/problem", access: "public", summary: "throws an HttpProblem" };
  const stringThrown: RoutePolicy = { method: "GET", path: "/test/string", access: "public", summary: "throws a string" };
  const upstream: RoutePolicy = { method: "GET", path: "/test/upstream", access: "public", summary: "throws an error with a status" };
  const SECRET = "db password is hunter2 at 10.0.0.7";

  async function startTestApp(logger = silentLogger()): Promise<string> {
    server = await listenOnEphemeralPort(
      appWithRoutes(
        (app) => {
          defineRoute(app, boom, () => {
            throw new Error(SECRET);
          });
          defineRoute(app, asyncBoom, async () => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            throw new Error(SECRET);
          });
          defineRoute(app, problem, () => {
            throw new HttpProblem(409, "Name taken", "An app named 'Loans' exists already: choose another name.", {
              errors: [{ pointer: "/name", code: "name.taken", message: "taken" }],
              headers: { ETag: '"v7"' },
            });
          });
          defineRoute(app, upstream, () => {
            throw Object.assign(new Error(SECRET), { status: 404, statusCode: 404 });
          });
          defineRoute(app, stringThrown, () => {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless library might do
            throw SECRET;
          });
        },
        { logger, policies: [...Object.values(routePolicies), boom, asyncBoom, problem, stringThrown, upstream] },
      ),
    );
    return server.url;
  }

  it("answers a thrown error with a generic 500 that names the request id but not the error", async () => {
    const log = captureLog();
    const url = await startTestApp(log.logger);
    const response = await fetch(`${url}/test/boom`, { headers: { "x-request-id": "trace-me-1" } });
    expect(response.status).toBe(500);
    const body = await problemOf(response);
    expect(body).toMatchObject({ title: "Internal server error", requestId: "trace-me-1" });
    expect(body["detail"]).toContain("trace-me-1");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    // …the error goes to the log instead, with its stack.
    const entry = await vi.waitFor(() => {
      const found = log.entries().find((line) => line["requestId"] === "trace-me-1");
      expect(found).toBeDefined();
      return found;
    });
    expect(entry).toMatchObject({ level: 50, err: { message: SECRET } });
    expect((entry?.["err"] as { stack?: string } | undefined)?.stack).toContain("error-handler.test.ts");
  });

  it("reaches the error handler when an async handler rejects (Express 5, no wrapper)", async () => {
    const url = await startTestApp();
    const response = await fetch(`${url}/test/async-boom`);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await problemOf(response))).not.toContain("hunter2");
  });

  it("answers a thrown non-Error the same way", async () => {
    const url = await startTestApp();
    const response = await fetch(`${url}/test/string`);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await problemOf(response))).not.toContain("hunter2");
  });

  it("answers 500 to an error that merely carries a 4xx status (say, an upstream 404)", async () => {
    const url = await startTestApp();
    const response = await fetch(`${url}/test/upstream`);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await problemOf(response))).not.toContain("hunter2");
  });

  it("sends an HttpProblem as given, with its errors and headers", async () => {
    const url = await startTestApp();
    const response = await fetch(`${url}/test/problem`, jsonPost("{}"));
    expect(response.status).toBe(409);
    expect(response.headers.get("etag")).toBe('"v7"');
    expect(await problemOf(response)).toEqual({
      type: "https://finwright.dev/problems/conflict",
      title: "Name taken",
      status: 409,
      detail: "An app named 'Loans' exists already: choose another name.",
      instance: "/test/problem",
      requestId: response.headers.get("x-request-id"),
      errors: [{ pointer: "/name", code: "name.taken", message: "taken" }],
    });
  });
});

describe("HttpProblem", () => {
  it("refuses a status that is not an error", () => {
    expect(() => new HttpProblem(200, "OK", "fine")).toThrow(RangeError);
  });
});
