import { definitionSchemas } from "@finwright/schemas";
import { describe, expect, it } from "vitest";
import { allRoutePolicies } from "../policy/route-policies.js";
import { openApiDocument, servedOpenApiDocument } from "./openapi-document.js";
import { openApiConformance } from "./testing/openapi-validator.test-support.js";

/** The document as a client sees it: parsed from the served bytes. */
const document = JSON.parse(servedOpenApiDocument.body) as Record<string, unknown>;
const paths = document["paths"] as Record<string, Record<string, Record<string, unknown>>>;
const VERBS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

function operations(): { path: string; method: string; operation: Record<string, unknown> }[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => VERBS.includes(method))
      .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}

/** Every `$ref` in `value`, with where it was found. */
function refsIn(value: unknown, at = "#"): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "$ref" && typeof child === "string" ? [{ at, ref: child }] : refsIn(child, `${at}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`),
  );
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

describe("the OpenAPI document", () => {
  it("describes exactly the routes of the policy table ({id} for :id)", () => {
    const documented = operations().map(({ method, path }) => `${method} ${path}`).sort();
    const declared = allRoutePolicies.map((policy) => `${policy.method} ${policy.path.replace(/:(\w+)/g, "{$1}")}`).sort();
    expect(documented).toEqual(declared);
  });

  it("is OpenAPI 3.1 with the 2020-12 dialect, info and unique operation ids", () => {
    expect(document["openapi"]).toMatch(/^3\.1\.\d+$/);
    expect(document["jsonSchemaDialect"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const info = document["info"] as Record<string, unknown>;
    expect([typeof info["title"], typeof info["version"]]).toEqual(["string", "string"]);
    const ids = operations().map(({ operation }) => operation["operationId"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves every $ref: inside the document, or to a published definition schema by its $id", () => {
    const published = new Set(definitionSchemas.map((schema) => schema.$id));
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(50);
    const unresolved = refs.filter(({ ref }) => (ref.startsWith("#/") ? resolvePointer(document, ref.slice(1)) === undefined : !published.has(ref)));
    expect(unresolved).toEqual([]);
    expect(refs.map(({ ref }) => ref)).toContain("https://finwright.dev/schemas/app-1.json");
  });

  it("gives every operation responses with descriptions, problem+json for every error, and its path parameters", () => {
    const problems: string[] = [];
    const components = document["components"] as Record<string, Record<string, Record<string, unknown>>>;
    const deref = (object: Record<string, unknown>): Record<string, unknown> =>
      typeof object["$ref"] === "string" ? (resolvePointer(document, object["$ref"].slice(1)) as Record<string, unknown>) : object;
    for (const { method, path, operation } of operations()) {
      const name = `${method} ${path}`;
      const responses = Object.entries((operation["responses"] ?? {}) as Record<string, Record<string, unknown>>);
      if (!responses.some(([status]) => /^[23]\d\d$/.test(status))) problems.push(`${name}: no success response`);
      for (const [status, raw] of responses) {
        const response = deref(raw);
        if (!/^[1-5]\d\d$/.test(status)) problems.push(`${name}: status ${status}`);
        if (typeof response["description"] !== "string") problems.push(`${name} ${status}: no description`);
        const content = response["content"] as Record<string, unknown> | undefined;
        if (Number(status) >= 400 && (content === undefined || !("application/problem+json" in content))) problems.push(`${name} ${status}: not problem+json`);
      }
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = ((operation["parameters"] ?? []) as Record<string, unknown>[])
        .map(deref)
        .filter((parameter) => parameter["in"] === "path")
        .map((parameter) => {
          if (parameter["required"] !== true) problems.push(`${name}: path parameter ${String(parameter["name"])} not required`);
          return parameter["name"];
        })
        .sort();
      if (JSON.stringify(templated) !== JSON.stringify(declared)) problems.push(`${name}: path parameters ${JSON.stringify(declared)}, template ${JSON.stringify(templated)}`);
      for (const requirement of (operation["security"] ?? []) as Record<string, unknown>[]) {
        for (const scheme of Object.keys(requirement)) if (components["securitySchemes"]?.[scheme] === undefined) problems.push(`${name}: unknown security scheme ${scheme}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("marks public routes (and only them) as needing no credentials", () => {
    for (const policy of allRoutePolicies) {
      const operation = paths[policy.path.replace(/:(\w+)/g, "{$1}")]?.[policy.method.toLowerCase()];
      expect(operation?.["security"], `${policy.method} ${policy.path}`).toEqual(policy.access === "public" ? [] : expect.arrayContaining([{ bearerToken: [] }]));
    }
  });

  it("has component schemas that compile as strict JSON Schema 2020-12 (ajv)", () => {
    const conformance = openApiConformance(openApiDocument);
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      expect(() => conformance.compile({ $ref: `#/components/schemas/${name}` }), name).not.toThrow();
    }
    expect(conformance.compile({ $ref: "#/components/schemas/Problem" })({ type: "x", title: "t", status: 404, detail: "d", instance: "/", requestId: "r", extra: 1 })).not.toBeNull();
  });

  it("has a checker (used by the conformance tests) that rejects what does not conform", () => {
    const conformance = openApiConformance(openApiDocument);
    const check = (...args: Parameters<typeof conformance.check>) => conformance.check(...args);
    expect(check("GET", "/healthz", 200, "application/json", { status: "ok" })).toEqual([]);
    expect(check("GET", "/healthz", 200, "application/json", { status: "down" })).not.toEqual([]);
    expect(check("GET", "/healthz", 418, "application/json", { status: "ok" })).not.toEqual([]);
    expect(check("GET", "/healthz", 200, "text/plain", "ok")).not.toEqual([]);
    expect(check("GET", "/nowhere", 200, "application/json", {})).not.toEqual([]);
    const app = {
      id: "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
      slug: "s",
      name: "n",
      requiresFourEyes: false,
      latestVersion: null,
      etag: "e",
      createdAt: "2025-03-01T09:00:00.000Z",
      createdBy: "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
      updatedAt: "2025-03-01T09:00:00.000Z",
      updatedBy: "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
    };
    // The definition is checked against the published app-1.json, through its $id.
    expect(check("GET", "/api/v1/apps/{id}", 200, "application/json", { ...app, definition: { schemaVersion: 1 } })).not.toEqual([]);
    expect(check("GET", "/api/v1/apps", 200, "application/json", { apps: [app], nextCursor: null })).toEqual([]);
    expect(check("GET", "/api/v1/apps", 200, "application/json", { apps: [{ ...app, createdAt: "yesterday" }], nextCursor: null })).not.toEqual([]);
    expect(check("GET", "/api/v1/apps/{id}", 404, "application/problem+json", { type: "t", title: "t", status: 404, detail: "d", instance: "/", requestId: "r" })).toEqual([]);
  });
});
