import express from "express";
import { describe, expect, it } from "vitest";
import { createServer } from "../create-server.js";
import { silentLogger } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";
import { defineRoute } from "./define-route.js";
import { checkRouteTable, listRoutes } from "./list-routes.js";
import { policyTableProblems } from "./match-route-policy.js";
import { allRoutePolicies, routePolicies } from "./route-policies.js";
import type { RoutePolicy } from "./route-policy.types.js";

const server = () => createServer({ database: databaseAnsweringPing(() => true), logger: silentLogger() });
const declared = allRoutePolicies.map((policy) => `${policy.method} ${policy.path}`).sort();

/** Requirement Z1: the policy table and the router agree, route for route. */
describe("the route table", () => {
  it("lists exactly the routes the server mounts", () => {
    const app = server();
    expect(listRoutes(app)).toEqual(declared);
    expect(checkRouteTable(app)).toEqual({ undeclared: [], missing: [] });
  });

  it("is well formed: valid paths, no two entries matching the same request", () => {
    expect(policyTableProblems()).toEqual([]);
  });

  it("reports a route mounted directly with app.get as undeclared", () => {
    const app = server();
    app.get("/debug/dump", (_req, res) => void res.json({}));
    expect(listRoutes(app)).toContain("GET /debug/dump");
    expect(checkRouteTable(app)).toEqual({ undeclared: ["GET /debug/dump"], missing: [] });
  });

  it("reports a second route on a declared method and path, mounted another way", () => {
    const app = server();
    app.get("/healthz", (_req, res) => void res.json({ shadow: true }));
    expect(checkRouteTable(app).undeclared).toEqual(["GET /healthz"]);
  });

  it("reports routes on a mounted router, with their full path", () => {
    const app = server();
    const router = express.Router();
    router.post("/apps/:id/publish", (_req, res) => void res.end());
    router.all("/anything", (_req, res) => void res.end());
    app.use("/api/v1", router);
    expect(checkRouteTable(app).undeclared).toEqual(["ALL /api/v1/anything", "POST /api/v1/apps/:id/publish"]);
  });

  it("reports a route defined with a policy that is not the table's", () => {
    const app = server();
    const adHoc: RoutePolicy = { method: "GET", path: "/api/v1/secrets", access: "public", summary: "not in the table" };
    defineRoute(app, adHoc, (_req, res) => void res.end());
    expect(checkRouteTable(app).undeclared).toEqual(["GET /api/v1/secrets"]);
  });

  it("reports a table route mounted under a prefix as undeclared and missing", () => {
    const router = express.Router();
    defineRoute(router, routePolicies.health, (_req, res) => void res.end());
    const app = express();
    app.use("/prefix", router);
    const report = checkRouteTable(app);
    expect(report.undeclared).toEqual(["GET /prefix/healthz"]);
    expect(report.missing).toEqual(declared);
  });

  it("reports table routes that are not mounted as missing", () => {
    expect(checkRouteTable(express()).missing).toEqual(declared);
  });
});

describe("policyTableProblems", () => {
  const entry = (method: RoutePolicy["method"], path: string): RoutePolicy => ({ method, path, access: "authenticated", summary: "-" });

  it("flags paths Express would read differently from the anchored matcher", () => {
    expect(policyTableProblems([entry("GET", "/files/*path"), entry("GET", "/a{/:b}"), entry("GET", "no-slash"), entry("GET", "/a/../b")])).toHaveLength(4);
  });

  it("flags two entries of one method that can match one request", () => {
    expect(policyTableProblems([entry("GET", "/apps/:id"), entry("GET", "/apps/import")])).toEqual([
      "GET /apps/:id and GET /apps/import can match the same request: make the paths distinct",
    ]);
    expect(policyTableProblems([entry("GET", "/apps/:id"), entry("POST", "/apps/import"), entry("GET", "/apps/:id/versions")])).toEqual([]);
  });

  it("refuses defineRoute on a path outside the supported syntax", () => {
    expect(() => defineRoute(express(), entry("GET", "/files/*path"), (_req, res) => void res.end())).toThrow(/literal segments/);
  });
});
