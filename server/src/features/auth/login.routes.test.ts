import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../http/testing/listen.test-support.js";
import { sha256Hex } from "./secret-tokens.js";
import { DEMO_TEST_PASSWORD, TestClock, listenWithServer, seedTestDemo } from "./testing/auth-test-server.test-support.js";
import { call, problemOf, signIn } from "./testing/http-client.test-support.js";

describe.each(testEngines())("POST /api/v1/auth/login on $name", (engine) => {
  let db: Database;
  let server: ListeningApp;
  const clock = new TestClock();
  beforeEach(async () => {
    db = await engine.open();
    await seedTestDemo(db, clock.now());
    server = await listenWithServer(db, { now: clock.now });
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await db.close();
  });

  it("signs in: user, workspace, roles and a CSRF token; an HttpOnly SameSite=Strict cookie on plain HTTP", async () => {
    const response = await call(server.url, "POST", "/api/v1/auth/login", { body: { username: "maker", password: DEMO_TEST_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      user: { id: expect.any(String) as unknown, username: "maker", displayName: "Demo maker" },
      workspace: { id: expect.any(String) as unknown, slug: "demo", name: "Demo bank" },
      roles: ["viewer", "maker"],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0]!;
    expect(cookie).toMatch(/^finwright_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure|Domain/i);
  });

  it("stores only hashes of the session and CSRF tokens", async () => {
    const { cookie, csrfToken } = await signIn(server.url, "viewer");
    const token = cookie.split("=")[1]!;
    const { rows } = await db.query<{ id: string; csrf_token_hash: string }>("SELECT id, csrf_token_hash FROM sessions");
    expect(rows).toEqual([{ id: sha256Hex(token), csrf_token_hash: sha256Hex(csrfToken) }]);
    expect(JSON.stringify(await db.query("SELECT * FROM sessions"))).not.toContain(token);
  });

  it("uses __Host- and Secure when the app sees HTTPS through a trusted proxy", async () => {
    const behindProxy = await listenWithServer(db, { trustProxy: true, now: clock.now });
    try {
      const https = { "x-forwarded-proto": "https" };
      const signed = await signIn(behindProxy.url, "viewer", DEMO_TEST_PASSWORD, {}, https);
      expect(signed.setCookie).toMatch(/^__Host-finwright_session=[A-Za-z0-9_-]{43}; /);
      expect(signed.setCookie).toMatch(/; Path=\/;/);
      expect(signed.setCookie).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
      expect(signed.setCookie).not.toMatch(/Domain/i);
      const asked = await call(behindProxy.url, "GET", "/api/v1/auth/session", { as: signed, headers: https });
      expect(asked.status).toBe(200);
      // The __Host- cookie is read only on HTTPS requests.
      expect((await call(behindProxy.url, "GET", "/api/v1/auth/session", { as: signed })).status).toBe(401);
    } finally {
      await behindProxy.close();
    }
    // Without trustProxy, X-Forwarded-Proto is ignored.
    const direct = await signIn(server.url, "viewer", DEMO_TEST_PASSWORD, {}, { "x-forwarded-proto": "https" });
    expect(direct.setCookie).toMatch(/^finwright_session=/);
  });

  it("answers every failure with the same 401 and message: unknown user, wrong password, disabled user, wrong workspace", async () => {
    await db.query("UPDATE users SET disabled_at = now() WHERE username = 'builder'");
    const attempts = [
      { username: "nobody", password: DEMO_TEST_PASSWORD },
      { username: "viewer", password: "wrong password here" },
      { username: "builder", password: DEMO_TEST_PASSWORD },
      { username: "viewer", password: DEMO_TEST_PASSWORD, workspace: "elsewhere" },
    ];
    const answers = [];
    for (const body of attempts) {
      const response = await call(server.url, "POST", "/api/v1/auth/login", { body });
      expect(response.status, JSON.stringify(body)).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      const { title, detail, type } = await problemOf(response);
      answers.push({ title, detail, type });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ title: "Sign-in failed" });
    expect((await db.query("SELECT count(*)::int AS n FROM sessions")).rows[0]).toEqual({ n: 0 });
  });

  it("accepts the username in any case and an explicit workspace", async () => {
    const signed = await signIn(server.url, "  Checker ", DEMO_TEST_PASSWORD, { workspace: "demo" });
    expect(signed.body).toMatchObject({ user: { username: "checker" }, roles: ["approver", "checker"] });
  });

  it("opens a new session on every sign-in (no fixation), each with its own CSRF token", async () => {
    const first = await signIn(server.url, "admin");
    const second = await signIn(server.url, "admin", DEMO_TEST_PASSWORD, {}, { cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect((await db.query("SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NULL")).rows[0]).toEqual({ n: 2 });
  });

  it("refuses malformed bodies with 400 and the pointers of every problem", async () => {
    const response = await call(server.url, "POST", "/api/v1/auth/login", { body: { username: 5, password: "", role: "admin" } });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect((problem["errors"] as { pointer: string }[]).map((error) => error.pointer).sort()).toEqual(["/password", "/role", "/username"]);
    expect((await call(server.url, "POST", "/api/v1/auth/login", { body: ["admin"] })).status).toBe(400);
  });

  it("writes login and failed login to the audit log, without the password", async () => {
    await signIn(server.url, "viewer");
    await call(server.url, "POST", "/api/v1/auth/login", { body: { username: "viewer", password: "not the password" } });
    const { rows } = await db.query<{ action: string; actor: string; summary: Record<string, unknown> }>(
      "SELECT action, actor, summary FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id",
    );
    expect(rows.map((row) => [row.action, row.actor.split(":")[0], row.summary["reason"]])).toEqual([
      ["auth.login", "user", undefined],
      ["auth.login_failed", "anonymous", "wrong password"],
    ]);
    expect(JSON.stringify(rows)).not.toContain(DEMO_TEST_PASSWORD);
    expect(JSON.stringify(rows)).not.toContain("not the password");
  });
});
