import { describe, expect, it } from "vitest";
import { allowedMethods, isPublicRoute, matchRoutePolicy } from "./match-route-policy.js";
import type { RoutePolicy } from "./route-policy.types.js";

const table: RoutePolicy[] = [
  { method: "GET", path: "/healthz", access: "public", summary: "-" },
  { method: "POST", path: "/api/v1/auth/login", access: "public", summary: "-" },
  { method: "POST", path: "/api/v1/hooks/:hookId", access: "public", summary: "-" },
  { method: "GET", path: "/api/v1/apps/:id", access: "authenticated", summary: "-" },
  { method: "PUT", path: "/api/v1/apps/:id", access: { roles: ["builder", "admin"] }, summary: "-", body: "app-definition" },
];

/** Requirement Z6: public routes are matched on the parsed path, anchored at both ends. */
describe("isPublicRoute", () => {
  it("matches the declared public routes", () => {
    expect(isPublicRoute("GET", "/healthz", table)).toBe(true);
    expect(isPublicRoute("HEAD", "/healthz", table)).toBe(true);
    expect(isPublicRoute("POST", "/api/v1/auth/login", table)).toBe(true);
    expect(isPublicRoute("POST", "/api/v1/hooks/abc", table)).toBe(true);
  });

  it("does not match anything else that merely contains a public path (Budibase CVE-2026-31816)", () => {
    for (const path of [
      "/api/v1/apps/healthz",
      "/healthz/../api/v1/apps/1",
      "/healthz%2F..%2Fapi/v1/apps/1",
      "/api/v1/apps/1?x=/healthz",
      "/api/v1/apps/1#/healthz",
      "/healthzx",
      "//healthz",
      "/healthz/",
      "/HEALTHZ",
      "/api/v1/hooks/",
      "/api/v1/hooks/a/b",
      "/api/v1/auth/login/../../apps/1",
      "/prefix/api/v1/auth/login",
    ]) {
      expect(isPublicRoute("POST", path, table) || isPublicRoute("GET", path, table), path).toBe(false);
    }
  });

  it("is decided per method", () => {
    expect(isPublicRoute("POST", "/healthz", table)).toBe(false);
    expect(isPublicRoute("GET", "/api/v1/auth/login", table)).toBe(false);
  });
});

describe("matchRoutePolicy and allowedMethods", () => {
  it("finds the policy of a parameterised path", () => {
    expect(matchRoutePolicy("PUT", "/api/v1/apps/42", table)?.body).toBe("app-definition");
    expect(matchRoutePolicy("GET", "/api/v1/apps/42", table)?.access).toBe("authenticated");
    expect(matchRoutePolicy("DELETE", "/api/v1/apps/42", table)).toBeUndefined();
  });

  it("lists the methods of a path, with HEAD beside GET", () => {
    expect(allowedMethods("/api/v1/apps/42", table)).toEqual(["GET", "HEAD", "PUT"]);
    expect(allowedMethods("/nowhere", table)).toEqual([]);
  });
});
