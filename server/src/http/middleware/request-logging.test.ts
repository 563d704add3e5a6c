import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../create-server.js";
import { defineRoute } from "../policy/define-route.js";
import { allRoutePolicies } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { captureLog, listenOnEphemeralPort, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";
import { appWithRoutes } from "../testing/test-app.test-support.js";
import { REDACTED } from "./log-redaction.js";

let server: ListeningApp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRETS = ["hunter2-password", "bearer-token-value", "session-cookie-value", "csrf-value", "nested-secret", "query-token"];

/** A route that logs its whole body, as a careless handler might. */
const echo: RoutePolicy = { method: "POST", path: "/test/login", access: "public", summary: "logs its body" };

describe("request logs", () => {
  it("redact credentials in headers, bodies handed to req.log, and the query string", async () => {
    const log = captureLog();
    server = await listenOnEphemeralPort(
      appWithRoutes(
        (app) =>
          defineRoute(app, echo, (req, res) => {
            req.log.info({ body: req.body as unknown }, "login attempt");
            res.setHeader("Set-Cookie", "__Host-session=session-cookie-value; Path=/; Secure; HttpOnly");
            res.status(204).end();
          }),
        { logger: log.logger, policies: [...allRoutePolicies, echo] },
      ),
    );
    const response = await fetch(`${server.url}/test/login?token=query-token&page=2`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer bearer-token-value",
        cookie: "__Host-session=session-cookie-value",
        "x-csrf-token": "csrf-value",
        "x-request-id": "log-test",
      },
      body: JSON.stringify({ user: "maker", password: "hunter2-password", profile: { connector: { secret: "nested-secret" } } }),
    });
    expect(response.status).toBe(204);
    // pino-http writes its line when the response finishes, which may be just after the client has it.
    await vi.waitFor(() => expect(log.text()).toContain("request completed"));

    const text = log.text();
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);

    const entries = log.entries();
    const logged = entries.find((entry) => entry["msg"] === "login attempt");
    expect(logged).toMatchObject({ requestId: "log-test", body: { user: "maker", password: REDACTED, profile: { connector: { secret: REDACTED } } } });
    const completed = entries.find((entry) => entry["msg"] === "request completed");
    expect(completed).toMatchObject({
      requestId: "log-test",
      req: { method: "POST", url: "/test/login", query: { token: REDACTED, page: "2" }, headers: { authorization: REDACTED, cookie: REDACTED, "x-csrf-token": REDACTED } },
      res: { statusCode: 204, headers: { "set-cookie": REDACTED } },
    });
  });

  it("stay redacted when the caller passes its own logger", async () => {
    const lines: string[] = [];
    const callerLogger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: callerLogger }));
    await fetch(`${server.url}/nowhere`, { headers: { authorization: "Bearer bearer-token-value" } });
    await vi.waitFor(() => expect(lines.join("")).toContain('"statusCode":404'));
    const text = lines.join("");
    expect(text).not.toContain("bearer-token-value");
  });

  it("log probes at debug level while they succeed", async () => {
    const log = captureLog("info");
    server = await listenOnEphemeralPort(createServer({ database: databaseAnsweringPing(() => true), logger: log.logger }));
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/readyz`);
    await fetch(`${server.url}/nowhere`);
    await vi.waitFor(() => expect(log.entries()).not.toEqual([]));
    expect(log.entries().map((entry) => (entry["req"] as { url: string }).url)).toEqual(["/nowhere"]);
  });
});
