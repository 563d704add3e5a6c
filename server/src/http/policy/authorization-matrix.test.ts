import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { appMatrixSamples } from "../../features/apps/testing/app-matrix-samples.test-support.js";
import { authMatrixSamples } from "../../features/auth/testing/auth-matrix-samples.test-support.js";
import { listenWithServer, seedOtherWorkspace, seedTestDemo } from "../../features/auth/testing/auth-test-server.test-support.js";
import { call, signIn, type Credentials, type SignedIn } from "../../features/auth/testing/http-client.test-support.js";
import type { ListeningApp } from "../testing/listen.test-support.js";
import { routePolicies, type RoutePolicyKey } from "./route-policies.js";
import type { RoutePolicy } from "./route-policy.types.js";
import {
  MATRIX_CALLERS,
  type MatrixCaller,
  type MatrixSample,
  type MatrixSampleFor,
  type MatrixSampleSource,
  type SignedInCaller,
} from "./testing/authorization-matrix.test-support.js";

/**
 * Requirements Z1, Z2 and T6: every route of the policy table, called as
 * every kind of caller, answers what the table says: 401 to anonymous
 * callers and revoked tokens on non-public routes, 403 to wrong roles,
 * neither (nor a 5xx) when allowed; another workspace's admin gets 404 for
 * this workspace's objects. A route added to the table needs a sample
 * request in its feature's MatrixSampleSource, listed here.
 */

const httpSamples: MatrixSampleSource = () =>
  Promise.resolve({
    health: () => ({ path: "/healthz" }),
    readiness: () => ({ path: "/readyz" }),
    definitionSchema: () => ({ path: "/api/v1/schemas/app-1.json" }),
    openApiDocument: () => ({ path: "/api/v1/openapi.json" }),
  });

const SOURCES: readonly MatrixSampleSource[] = [httpSamples, authMatrixSamples, appMatrixSamples];

/** Routes that end the caller's session run last. */
const RUN_LAST: readonly RoutePolicyKey[] = ["logout"];
const ROUTES = (Object.entries(routePolicies) as [RoutePolicyKey, RoutePolicy][]).sort(([a], [b]) => Number(RUN_LAST.includes(a)) - Number(RUN_LAST.includes(b)));

interface Caller {
  readonly credentials: Credentials;
  readonly roles: readonly string[];
}

describe.each(testEngines())("the authorization matrix on $name", (engine) => {
  let db: Database;
  let server: ListeningApp;
  const callers = new Map<MatrixCaller, Caller>();
  const samples = new Map<RoutePolicyKey, MatrixSampleFor>();

  beforeAll(async () => {
    db = await engine.open();
    await seedTestDemo(db);
    await seedOtherWorkspace(db);
    server = await listenWithServer(db);
    const sessions = new Map<SignedInCaller, SignedIn>();
    for (const caller of MATRIX_CALLERS) {
      if (caller === "anonymous" || caller === "revoked-token") continue;
      const signed = await signIn(server.url, caller);
      sessions.set(caller, signed);
      callers.set(caller, { credentials: signed, roles: signed.body["roles"] as string[] });
    }
    const context = { url: server.url, db, signedIn: (caller: SignedInCaller) => sessions.get(caller)! };
    for (const source of SOURCES) {
      for (const [key, sample] of Object.entries(await source(context))) samples.set(key as RoutePolicyKey, sample);
    }
    const admin = sessions.get("admin")!;
    const revoked = (await (await call(server.url, "POST", "/api/v1/tokens", { as: admin, body: { name: "revoked", roles: ["admin"] } })).json()) as { id: string; token: string };
    await call(server.url, "DELETE", `/api/v1/tokens/${revoked.id}`, { as: admin });
    callers.set("anonymous", { credentials: undefined, roles: [] });
    callers.set("revoked-token", { credentials: { token: revoked.token }, roles: ["admin"] });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("has a sample request for every route of the table", () => {
    const missing = ROUTES.map(([key]) => key).filter((key) => !samples.has(key));
    expect(missing, "add these routes to their feature's MatrixSampleSource (see testing/authorization-matrix.test-support.ts)").toEqual([]);
  });

  it.each(ROUTES)("%s", async (key, policy) => {
    const sampleFor = samples.get(key);
    if (sampleFor === undefined) return; // reported by the test above
    const mismatches: string[] = [];
    for (const name of MATRIX_CALLERS) {
      const caller = callers.get(name)!;
      const sample = sampleFor(name, caller.roles);
      const response = await call(server.url, policy.method, sample.path, { as: caller.credentials, body: sample.body, headers: sample.headers ?? {} });
      await response.arrayBuffer();
      const expected = expectedStatus(policy, name, caller, sample);
      const ok = typeof expected === "number" ? response.status === expected : ![401, 403].includes(response.status) && response.status < 500;
      if (!ok) mismatches.push(`${name}: expected ${expected}, got ${response.status}`);
    }
    expect(mismatches, `${policy.method} ${policy.path}`).toEqual([]);
  });
});

/** What the table says a caller must get: a status, or "allowed" (anything but 401, 403 and 5xx). */
function expectedStatus(policy: RoutePolicy, name: MatrixCaller, caller: Caller, sample: MatrixSample): number | "allowed" {
  if (policy.access === "public") return "allowed";
  if (name === "anonymous" || name === "revoked-token") return 401;
  // Read from the table itself, not through the code under test.
  if (policy.access !== "authenticated" && !policy.access.roles.some((role) => caller.roles.includes(role))) return 403;
  if (name === "other-admin" && sample.otherWorkspace !== undefined) return sample.otherWorkspace;
  return "allowed";
}
