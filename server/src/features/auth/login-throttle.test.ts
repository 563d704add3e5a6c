import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../http/testing/listen.test-support.js";
import { DEMO_USERS } from "../workspaces/seed-demo-workspace.js";
import { DEMO_TEST_PASSWORD, TestClock, listenWithServer, seedTestDemo } from "./testing/auth-test-server.test-support.js";
import { call, problemOf } from "./testing/http-client.test-support.js";

const MINUTE = 60_000;

describe.each(testEngines())("login throttling on $name", (engine) => {
  let db: Database;
  let clock: TestClock;
  const servers: ListeningApp[] = [];
  beforeEach(async () => {
    clock = new TestClock();
    db = await engine.open();
    await seedTestDemo(db, clock.now());
  }, 60_000);
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await db.close();
  });

  async function start(trustProxy = false): Promise<string> {
    const server = await listenWithServer(db, { now: clock.now, trustProxy });
    servers.push(server);
    return server.url;
  }
  const login = (url: string, username: string, password: string, ip?: string) =>
    call(url, "POST", "/api/v1/auth/login", { body: { username, password }, ...(ip === undefined ? {} : { headers: { "x-forwarded-for": ip } }) });

  it("locks an account after 10 failures in 15 minutes: 429 with Retry-After, even for the right password", async () => {
    const url = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      clock.advance(MINUTE);
      expect((await login(url, "maker", `wrong password ${attempt}`)).status, `attempt ${attempt}`).toBe(401);
    }
    const locked = await login(url, "maker", DEMO_TEST_PASSWORD);
    expect(locked.status).toBe(429);
    // The first failure (9 minutes ago) leaves the 15-minute window in 6 minutes.
    expect(locked.headers.get("retry-after")).toBe("360");
    expect(await problemOf(locked)).toMatchObject({ title: "Too many failed sign-ins", detail: expect.stringMatching(/try again in 6 minutes/) as unknown });
    expect((await login(url, "viewer", DEMO_TEST_PASSWORD)).status).toBe(200); // other accounts are not affected
    clock.advance(6 * MINUTE - 1_000);
    expect((await login(url, "maker", DEMO_TEST_PASSWORD)).status).toBe(429);
    clock.advance(1_000);
    expect((await login(url, "maker", DEMO_TEST_PASSWORD)).status).toBe(200);
  });

  it("counts unknown usernames too, with the same answers (no enumeration)", async () => {
    const url = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) expect((await login(url, "ghost", "whatever it is")).status).toBe(401);
    expect((await login(url, "ghost", "whatever it is")).status).toBe(429);
  });

  it("a successful sign-in resets the account's count", async () => {
    const url = await start();
    for (let attempt = 1; attempt <= 9; attempt += 1) await login(url, "maker", "wrong password!");
    expect((await login(url, "maker", DEMO_TEST_PASSWORD)).status).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt += 1) expect((await login(url, "maker", "wrong password!")).status).toBe(401);
    expect((await login(url, "maker", DEMO_TEST_PASSWORD)).status).toBe(200);
  });

  it("holds across two server instances sharing the database", async () => {
    const [first, second] = [await start(), await start()];
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await login(attempt % 2 === 0 ? first : second, "checker", "wrong password!")).status).toBe(401);
    }
    expect((await login(first, "checker", DEMO_TEST_PASSWORD)).status).toBe(429);
    expect((await login(second, "checker", DEMO_TEST_PASSWORD)).status).toBe(429);
  });

  it("locks an IP address after 50 failures across accounts; other addresses still sign in", { timeout: 60_000 }, async () => {
    const url = await start(true);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const user = DEMO_USERS[attempt % DEMO_USERS.length]!.username; // ≤ 9 failures per account
      expect((await login(url, user, "wrong password!", "203.0.113.7")).status).toBe(401);
    }
    const locked = await login(url, "admin", DEMO_TEST_PASSWORD, "203.0.113.7");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(url, "admin", DEMO_TEST_PASSWORD, "198.51.100.2")).status).toBe(200);
  });

  it("lets at most 10 of 30 parallel guesses through to the password check", { timeout: 60_000 }, async () => {
    const url = await start();
    const statuses = await Promise.all(Array.from({ length: 30 }, () => login(url, "viewer", "parallel guess!").then((response) => response.status)));
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
  });
});
