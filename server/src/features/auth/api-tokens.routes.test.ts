import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../http/testing/listen.test-support.js";
import { sha256Hex } from "./secret-tokens.js";
import { TestClock, listenWithServer, seedOtherWorkspace, seedTestDemo } from "./testing/auth-test-server.test-support.js";
import { call, problemOf, signIn, type SignedIn } from "./testing/http-client.test-support.js";

interface CreatedToken {
  id: string;
  token: string;
  name: string;
  roles: string[];
  expiresAt: string;
}

describe.each(testEngines())("API tokens on $name", (engine) => {
  let db: Database;
  let server: ListeningApp;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock();
    db = await engine.open();
    await seedTestDemo(db, clock.now());
    server = await listenWithServer(db, { now: clock.now });
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await db.close();
  });

  async function createToken(as: SignedIn, body: Record<string, unknown>): Promise<CreatedToken> {
    const response = await call(server.url, "POST", "/api/v1/tokens", { as, body });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as CreatedToken;
  }
  const whoAmI = (token: string) => call(server.url, "GET", "/api/v1/auth/session", { as: { token } });

  it("shows the secret once, stores only its sha256, and authenticates with it", async () => {
    const developer = await signIn(server.url, "developer");
    const created = await createToken(developer, { name: "CI deploys", roles: ["developer"], expiresInDays: 30 });
    expect(created.token).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "CI deploys", roles: ["developer"], expiresAt: new Date(clock.now().getTime() + 30 * 86_400_000).toISOString() });
    const stored = await db.query<{ token_hash: string }>("SELECT token_hash FROM api_tokens");
    expect(stored.rows).toEqual([{ token_hash: sha256Hex(created.token) }]);
    expect(JSON.stringify((await db.query("SELECT * FROM api_tokens")).rows)).not.toContain(created.token.slice(3));
    const listed = await (await call(server.url, "GET", "/api/v1/tokens", { as: developer })).json();
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(3));
    expect(listed).toMatchObject({ tokens: [{ id: created.id, name: "CI deploys", lastUsedAt: null, revokedAt: null }] });
    const asked = await whoAmI(created.token);
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ user: { username: "developer" }, roles: ["developer"], via: "token" });
    expect((await db.query<{ used: boolean }>("SELECT last_used_at IS NOT NULL AS used FROM api_tokens")).rows).toEqual([{ used: true }]);
  });

  it("expires after 90 days by default", async () => {
    const admin = await signIn(server.url, "admin");
    const created = await createToken(admin, { name: "default expiry", roles: ["admin"] });
    clock.advance(90 * 86_400_000 - 1_000);
    expect((await whoAmI(created.token)).status).toBe(200);
    clock.advance(1_000);
    expect((await whoAmI(created.token)).status).toBe(401);
  });

  it("carries only roles its creator holds (403 otherwise)", async () => {
    const developer = await signIn(server.url, "developer");
    const response = await call(server.url, "POST", "/api/v1/tokens", { as: developer, body: { name: "escalate", roles: ["developer", "admin"] } });
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ title: "Roles not held", detail: expect.stringMatching(/not: admin/) as unknown });
    expect((await db.query("SELECT count(*)::int AS n FROM api_tokens")).rows[0]).toEqual({ n: 0 });
  });

  it("loses a role when its creator does", async () => {
    const admin = await signIn(server.url, "admin");
    const created = await createToken(admin, { name: "ops", roles: ["admin"] });
    await db.query("UPDATE memberships SET roles = '{admin,viewer}' WHERE user_id = (SELECT id FROM users WHERE username = 'admin')");
    expect((await call(server.url, "GET", "/api/v1/audit", { as: { token: created.token } })).status).toBe(200);
    await db.query("UPDATE memberships SET roles = '{viewer}' WHERE user_id = (SELECT id FROM users WHERE username = 'admin')");
    expect((await call(server.url, "GET", "/api/v1/audit", { as: { token: created.token } })).status).toBe(403);
  });

  it("refuses bad bodies with 400: unknown fields, empty roles, out-of-range expiry", async () => {
    const admin = await signIn(server.url, "admin");
    for (const body of [{ name: "x", roles: ["admin"], scope: "all" }, { name: "x", roles: [] }, { name: "x", roles: ["admin"], expiresInDays: 0 }, { name: " ", roles: ["admin"] }, { roles: ["admin"] }]) {
      expect((await call(server.url, "POST", "/api/v1/tokens", { as: admin, body })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("revocation takes effect at once: the token is 401 afterwards", async () => {
    const developer = await signIn(server.url, "developer");
    const created = await createToken(developer, { name: "short-lived", roles: ["developer"] });
    expect((await whoAmI(created.token)).status).toBe(200);
    expect((await call(server.url, "DELETE", `/api/v1/tokens/${created.id}`, { as: developer })).status).toBe(204);
    const replay = await whoAmI(created.token);
    expect(replay.status).toBe(401);
    expect(await problemOf(replay)).toMatchObject({ title: "Not signed in" });
    expect((await call(server.url, "DELETE", `/api/v1/tokens/${created.id}`, { as: developer })).status).toBe(204); // idempotent
    const actions = (await db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'token.%' ORDER BY id")).rows.map((row) => row.action);
    expect(actions).toEqual(["token.created", "token.revoked"]);
  });

  it("refuses malformed and unknown bearer credentials with 401", async () => {
    for (const authorization of ["Bearer fw_nope", `Bearer fw_${"A".repeat(43)}`, "Basic YWRtaW46YWRtaW4=", "Bearer"]) {
      const response = await call(server.url, "GET", "/api/v1/auth/session", { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });

  it("hides other workspaces' tokens (404) and other users' tokens from non-admins", async () => {
    await seedOtherWorkspace(db);
    const admin = await signIn(server.url, "admin");
    const developer = await signIn(server.url, "developer");
    const otherAdmin = await signIn(server.url, "other-admin");
    const adminToken = await createToken(admin, { name: "admin's", roles: ["admin"] });
    const developerToken = await createToken(developer, { name: "developer's", roles: ["developer"] });
    expect((await call(server.url, "DELETE", `/api/v1/tokens/${adminToken.id}`, { as: otherAdmin })).status).toBe(404);
    expect((await call(server.url, "DELETE", `/api/v1/tokens/${adminToken.id}`, { as: developer })).status).toBe(404);
    expect((await call(server.url, "DELETE", "/api/v1/tokens/not-a-uuid", { as: admin })).status).toBe(404);
    const list = async (as: SignedIn) => ((await (await call(server.url, "GET", "/api/v1/tokens", { as })).json()) as { tokens: { id: string }[] }).tokens.map((token) => token.id).sort();
    expect(await list(otherAdmin)).toEqual([]);
    expect(await list(developer)).toEqual([developerToken.id]);
    expect(await list(admin)).toEqual([adminToken.id, developerToken.id].sort());
    expect((await whoAmI(adminToken.token)).status).toBe(200); // still valid: nobody above could revoke it
    expect((await call(server.url, "DELETE", `/api/v1/tokens/${developerToken.id}`, { as: admin })).status).toBe(204);
  });
});
