import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineRoute } from "../policy/define-route.js";
import { allRoutePolicies } from "../policy/route-policies.js";
import type { RoutePolicy } from "../policy/route-policy.types.js";
import { listenOnEphemeralPort, type ListeningApp } from "../testing/listen.test-support.js";
import { appWithRoutes } from "../testing/test-app.test-support.js";
import { APP_DEFINITION_BODY_LIMIT_BYTES, DEFAULT_BODY_LIMIT_BYTES } from "./json-body.js";

const small: RoutePolicy = { method: "POST", path: "/test/notes", access: "public", summary: "-" };
const definition: RoutePolicy = { method: "PUT", path: "/test/apps/:id", access: "public", summary: "-", body: "app-definition" };

let server: ListeningApp;
beforeAll(async () => {
  server = await listenOnEphemeralPort(
    appWithRoutes(
      (app) => {
        for (const policy of [small, definition]) {
          defineRoute(app, policy, (req, res) => void res.json({ bytes: JSON.stringify(req.body).length }));
        }
      },
      { policies: [...allRoutePolicies, small, definition] },
    ),
  );
});
afterAll(() => server.close());

/** A JSON document of exactly `bytes` bytes: {"text":"xxx…"}. */
const documentOf = (bytes: number): string => JSON.stringify({ text: "x".repeat(bytes - '{"text":""}'.length) });
const send = (method: string, path: string, body: string) => fetch(`${server.url}${path}`, { method, headers: { "content-type": "application/json" }, body });

describe("JSON body limits", () => {
  it("accept up to 100 kB on ordinary routes and refuse more with 413", async () => {
    expect(documentOf(DEFAULT_BODY_LIMIT_BYTES)).toHaveLength(DEFAULT_BODY_LIMIT_BYTES);
    expect((await send("POST", "/test/notes", documentOf(DEFAULT_BODY_LIMIT_BYTES))).status).toBe(200);
    expect((await send("POST", "/test/notes", documentOf(DEFAULT_BODY_LIMIT_BYTES + 1))).status).toBe(413);
  });

  it("accept up to 6 MB on routes that take an app definition", async () => {
    expect((await send("PUT", "/test/apps/1", documentOf(5 * 1024 * 1024))).status).toBe(200);
    expect((await send("PUT", "/test/apps/1", documentOf(APP_DEFINITION_BODY_LIMIT_BYTES))).status).toBe(200);
    const tooLarge = await send("PUT", "/test/apps/1", documentOf(APP_DEFINITION_BODY_LIMIT_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { detail: string }).detail).toMatch(/6,144 kB/);
  });

  it("keep the small limit for another method on an app-definition path", async () => {
    expect((await send("POST", "/test/apps/1", documentOf(DEFAULT_BODY_LIMIT_BYTES + 1))).status).toBe(413);
  });

  it("refuse JSON scalars at the top level (objects and arrays only)", async () => {
    expect((await send("POST", "/test/notes", '"just a string"')).status).toBe(400);
  });
});
