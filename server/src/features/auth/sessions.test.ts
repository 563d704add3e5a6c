import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../http/testing/listen.test-support.js";
import { DEFAULT_SESSION_LIFETIME } from "./auth-settings.js";
import { TestClock, listenWithServer, seedTestDemo } from "./testing/auth-test-server.test-support.js";
import { call, problemOf, signIn, type Credentials } from "./testing/http-client.test-support.js";

const MINUTE = 60_000;

describe.each(testEngines())("sessions on $name", (engine) => {
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

  const whoAmI = (as?: Credentials) => call(server.url, "GET", "/api/v1/auth/session", { as });

  it("GET /auth/session says who is asking; without a cookie it is 401", async () => {
    const session = await signIn(server.url, "checker");
    const response = await whoAmI(session);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { username: "checker" }, workspace: { slug: "demo" }, roles: ["approver", "checker"], via: "session" });
    const anonymous = await whoAmI();
    expect(anonymous.status).toBe(401);
    expect(await problemOf(anonymous)).toMatchObject({ title: "Authentication required" });
  });

  it("logout ends the session server-side and clears the cookie; replaying the cookie is 401", async () => {
    const session = await signIn(server.url, "viewer");
    const logout = await call(server.url, "POST", "/api/v1/auth/logout", { as: session });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^finwright_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const replay = await whoAmI(session);
    expect(replay.status).toBe(401);
    expect(await problemOf(replay)).toMatchObject({ title: "Not signed in" });
    expect((await db.query("SELECT revoked_at IS NOT NULL AS revoked FROM sessions")).rows).toEqual([{ revoked: true }]);
    expect((await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.logout'")).rows[0]).toEqual({ n: 1 });
  });

  it("removes the user's ended sessions at their next sign-in, leaving live ones", async () => {
    const ended = await signIn(server.url, "viewer");
    const live = await signIn(server.url, "viewer");
    await call(server.url, "POST", "/api/v1/auth/logout", { as: ended });
    await signIn(server.url, "viewer");
    expect((await db.query("SELECT count(*)::int AS n, count(revoked_at)::int AS revoked FROM sessions")).rows[0]).toEqual({ n: 2, revoked: 0 });
    expect((await whoAmI(live)).status).toBe(200);
  });

  it("a forged or malformed cookie is 401 and cleared", async () => {
    for (const cookie of ["finwright_session=" + "A".repeat(43), "finwright_session=../../etc", "finwright_session="]) {
      const response = await whoAmI({ cookie, csrfToken: "x" });
      expect(response.status, cookie).toBe(401);
      expect(response.headers.getSetCookie()[0], cookie).toMatch(/^finwright_session=;/);
    }
  });

  it("ends after 30 minutes without a request (idle timeout), and says so", async () => {
    const session = await signIn(server.url, "viewer");
    clock.advance(29 * MINUTE);
    expect((await whoAmI(session)).status).toBe(200); // activity moves the idle deadline
    clock.advance(29 * MINUTE);
    expect((await whoAmI(session)).status).toBe(200);
    clock.advance(DEFAULT_SESSION_LIFETIME.idleMs);
    const expired = await whoAmI(session);
    expect(expired.status).toBe(401);
    expect(await problemOf(expired)).toMatchObject({ title: "Session expired", detail: "Your session has expired: sign in again." });
    clock.advance(-DEFAULT_SESSION_LIFETIME.idleMs); // turning the clock back does not revive it
    expect((await whoAmI(session)).status).toBe(401);
  });

  it("ends 12 hours after sign-in however active it is (absolute timeout)", async () => {
    const session = await signIn(server.url, "viewer");
    for (let elapsed = 0; elapsed < 12 * 60 * MINUTE - 20 * MINUTE; elapsed += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect((await whoAmI(session)).status).toBe(200);
    }
    clock.advance(20 * MINUTE);
    const expired = await whoAmI(session);
    expect(expired.status).toBe(401);
    expect(await problemOf(expired)).toMatchObject({ title: "Session expired" });
  });

  it("honours configured timeouts", async () => {
    const short = await listenWithServer(db, { now: clock.now, sessionLifetime: { idleMs: 5 * MINUTE } });
    try {
      const session = await signIn(short.url, "viewer");
      clock.advance(5 * MINUTE);
      expect((await call(short.url, "GET", "/api/v1/auth/session", { as: session })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it("writes last_seen_at at most once a minute", async () => {
    const session = await signIn(server.url, "viewer");
    const lastSeen = async () => (await db.query<{ last_seen_at: Date }>("SELECT last_seen_at FROM sessions")).rows[0]!.last_seen_at.toISOString();
    const start = await lastSeen();
    clock.advance(30_000);
    await whoAmI(session);
    expect(await lastSeen()).toBe(start);
    clock.advance(30_000);
    await whoAmI(session);
    expect(await lastSeen()).toBe(clock.now().toISOString());
  });

  it("a disabled user or a removed membership ends the session at once", async () => {
    const viewer = await signIn(server.url, "viewer");
    const maker = await signIn(server.url, "maker");
    await db.query("UPDATE users SET disabled_at = now() WHERE username = 'viewer'");
    await db.query("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE username = 'maker')");
    expect((await whoAmI(viewer)).status).toBe(401);
    expect((await whoAmI(maker)).status).toBe(401);
  });

  it("reads roles live: a role taken away applies to the next request", async () => {
    const admin = await signIn(server.url, "admin");
    expect((await call(server.url, "GET", "/api/v1/audit", { as: admin })).status).toBe(200);
    await db.query("UPDATE memberships SET roles = '{viewer}' WHERE user_id = (SELECT id FROM users WHERE username = 'admin')");
    expect((await call(server.url, "GET", "/api/v1/audit", { as: admin })).status).toBe(403);
  });
});

describe.each(testEngines())("CSRF on $name", (engine) => {
  let db: Database;
  let server: ListeningApp;
  beforeEach(async () => {
    db = await engine.open();
    await seedTestDemo(db);
    server = await listenWithServer(db);
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await db.close();
  });

  it("cookie-authenticated unsafe requests need the session's x-csrf-token, else 403 and nothing happens", async () => {
    const session = await signIn(server.url, "developer");
    const other = await signIn(server.url, "developer");
    const create = (csrf?: false | string) => call(server.url, "POST", "/api/v1/tokens", { as: session, body: { name: "ci", roles: ["developer"] }, ...(csrf === undefined ? {} : { csrf }) });
    for (const csrf of [false, "", "x".repeat(43), other.csrfToken] as const) {
      const response = await create(csrf);
      expect(response.status, String(csrf)).toBe(403);
      expect(await problemOf(response)).toMatchObject({ title: "CSRF token missing or wrong" });
    }
    expect((await db.query("SELECT count(*)::int AS n FROM api_tokens")).rows[0]).toEqual({ n: 0 });
    expect((await call(server.url, "POST", "/api/v1/auth/logout", { as: session, csrf: false })).status).toBe(403);
    expect((await create()).status).toBe(201);
  });

  it("safe methods need no CSRF token", async () => {
    const session = await signIn(server.url, "developer");
    expect((await call(server.url, "GET", "/api/v1/tokens", { as: session, csrf: false })).status).toBe(200);
  });

  it("bearer tokens need no CSRF token", async () => {
    const session = await signIn(server.url, "developer");
    const created = (await (await call(server.url, "POST", "/api/v1/tokens", { as: session, body: { name: "ci", roles: ["developer"] } })).json()) as { token: string; id: string };
    const revoke = await call(server.url, "DELETE", `/api/v1/tokens/${created.id}`, { as: { token: created.token } });
    expect(revoke.status).toBe(204);
  });

  it("checks CSRF before reading the body: a malformed body without the token is 403, not 400", async () => {
    const session = await signIn(server.url, "developer");
    const response = await fetch(`${server.url}/api/v1/tokens`, { method: "POST", headers: { cookie: session.cookie, "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(403);
  });
});
