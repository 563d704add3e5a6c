import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnEphemeralPort, type ListeningApp } from "../testing/listen.test-support.js";
import { appWithRoutes } from "../testing/test-app.test-support.js";
import { defineRoute } from "./define-route.js";
import { setPrincipal } from "./request-principal.js";
import { allRoutePolicies } from "./route-policies.js";
import type { RoutePolicy } from "./route-policy.types.js";

const open: RoutePolicy = { method: "GET", path: "/test/open", access: "public", summary: "-" };
const signedIn: RoutePolicy = { method: "GET", path: "/test/signed-in", access: "authenticated", summary: "-" };
const checkers: RoutePolicy = { method: "POST", path: "/test/approve", access: { roles: ["checker", "admin"] }, summary: "-" };

/** Stands in for the authentication step: `x-test-roles: a,b` signs the request in with those roles. */
const signInFromTestHeader: RequestHandler = (req, _res, next) => {
  const roles = req.headers["x-test-roles"];
  if (typeof roles === "string") setPrincipal(req, {
      subject: "user-1",
      userId: "user-1",
      workspaceId: "workspace-1",
      roles: roles.split(",").filter((role) => role !== ""),
      via: "token",
      credentialId: "token-1",
    });
  next();
};

let server: ListeningApp;
beforeAll(async () => {
  server = await listenOnEphemeralPort(
    appWithRoutes(
      (app) => {
        app.use(signInFromTestHeader);
        for (const policy of [open, signedIn, checkers]) defineRoute(app, policy, (_req, res) => void res.json({ reached: policy.path }));
      },
      { policies: [...allRoutePolicies, open, signedIn, checkers] },
    ),
  );
});
afterAll(() => server.close());

async function statusOf(policy: RoutePolicy, roles?: string): Promise<number> {
  const headers: Record<string, string> = roles === undefined ? {} : { "x-test-roles": roles };
  return (await fetch(`${server.url}${policy.path}`, { method: policy.method, headers })).status;
}

describe("the access check defineRoute puts before every handler", () => {
  it("lets anyone call a public route", async () => {
    expect(await statusOf(open)).toBe(200);
  });

  it("answers 401 with WWW-Authenticate to an anonymous caller of any other route", async () => {
    expect(await statusOf(signedIn)).toBe(401);
    expect(await statusOf(checkers)).toBe(401);
    const response = await fetch(`${server.url}${signedIn.path}`);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("lets any principal call an authenticated route", async () => {
    expect(await statusOf(signedIn, "")).toBe(200);
    expect(await statusOf(signedIn, "viewer")).toBe(200);
  });

  it("requires one of the listed roles, else 403", async () => {
    expect(await statusOf(checkers, "checker")).toBe(200);
    expect(await statusOf(checkers, "viewer,admin")).toBe(200);
    expect(await statusOf(checkers, "maker")).toBe(403);
    expect(await statusOf(checkers, "")).toBe(403);
  });
});
