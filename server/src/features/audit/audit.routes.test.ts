import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../http/testing/listen.test-support.js";
import { TestClock, listenWithServer, seedOtherWorkspace, seedTestDemo } from "../auth/testing/auth-test-server.test-support.js";
import { call, problemOf, signIn, type SignedIn } from "../auth/testing/http-client.test-support.js";
import { appendAudit } from "./append-audit.js";
import type { AuditPage } from "./audit-query.js";

describe.each(testEngines())("GET /api/v1/audit on $name", (engine) => {
  let db: Database;
  let server: ListeningApp;
  let clock: TestClock;
  let admin: SignedIn;
  let demoId: string;
  beforeEach(async () => {
    clock = new TestClock();
    db = await engine.open();
    await seedTestDemo(db, clock.now());
    server = await listenWithServer(db, { now: clock.now });
    admin = await signIn(server.url, "admin");
    demoId = (admin.body["workspace"] as { id: string }).id;
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await db.close();
  });

  const audit = async (query = "", as: SignedIn = admin): Promise<AuditPage> => {
    const response = await call(server.url, "GET", `/api/v1/audit${query}`, { as });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as AuditPage;
  };

  it("lists the workspace's entries newest first, with the request id of the change", async () => {
    const page = await audit();
    expect(page.entries[0]).toMatchObject({ action: "auth.login", actor: `user:${(admin.body["user"] as { id: string }).id}`, requestId: expect.any(String) as unknown });
    expect(page.entries.at(-1)).toMatchObject({ action: "workspace.created", actor: "system" });
    const ids = page.entries.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.nextCursor).toBeNull();
  });

  it("filters by actor, action, target and time", async () => {
    const add = (at: string, action: string, actor: string, target: string) =>
      db.transaction((tx) => appendAudit(tx, { workspaceId: demoId, actor, action, target, at: new Date(at) }));
    await add("2025-04-01T10:00:00Z", "app.published", "user:a", "app:1");
    await add("2025-04-02T10:00:00Z", "app.published", "user:b", "app:2");
    await add("2025-04-03T10:00:00Z", "app.deleted", "user:a", "app:1");
    const actions = (page: AuditPage) => page.entries.map((entry) => `${entry.action} ${entry.actor} ${entry.target}`);
    expect(actions(await audit("?action=app.published"))).toEqual(["app.published user:b app:2", "app.published user:a app:1"]);
    expect(actions(await audit("?actor=user:a&target=app:1"))).toEqual(["app.deleted user:a app:1", "app.published user:a app:1"]);
    expect(actions(await audit("?from=2025-04-02&to=2025-04-03T10:00:00Z"))).toEqual(["app.published user:b app:2"]);
    expect(actions(await audit("?action=nothing.like.this"))).toEqual([]);
  });

  it("pages with a cursor until every entry was seen once", async () => {
    await db.transaction(async (tx) => {
      for (let index = 0; index < 12; index += 1) await appendAudit(tx, { workspaceId: demoId, actor: "system", action: "paged.entry", summary: { index } });
    });
    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: AuditPage = await audit(`?action=paged.entry&limit=5${cursor === "" ? "" : `&cursor=${cursor}`}`);
      expect(page.entries.length).toBeLessThanOrEqual(5);
      seen.push(...page.entries.map((entry) => entry.summary["index"] as number));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it("shows only the caller's workspace", async () => {
    await seedOtherWorkspace(db);
    const otherAdmin = await signIn(server.url, "other-admin");
    const otherId = (otherAdmin.body["workspace"] as { id: string }).id;
    const theirs = await audit("?limit=200", otherAdmin);
    expect(theirs.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.every((entry) => ["workspace.created", "membership.granted", "auth.login"].includes(entry.action))).toBe(true);
    const ours = await audit("?limit=200");
    const theirIds = new Set(theirs.entries.map((entry) => entry.id));
    expect(ours.entries.some((entry) => theirIds.has(entry.id))).toBe(false);
    // A workspace id in the query changes nothing: it is an unknown parameter.
    expect((await call(server.url, "GET", `/api/v1/audit?workspace=${otherId}`, { as: admin })).status).toBe(400);
  });

  it("refuses unknown, repeated and malformed parameters with 400", async () => {
    for (const query of ["?sort=asc", "?action=a&action=b", "?from=yesterday", "?limit=0", "?limit=201", "?cursor=-1", "?cursor=1e3"]) {
      const response = await call(server.url, "GET", `/api/v1/audit${query}`, { as: admin });
      expect(response.status, query).toBe(400);
      expect(await problemOf(response)).toMatchObject({ title: "Invalid query" });
    }
  });

  it("is for admins only", async () => {
    for (const username of ["viewer", "builder", "developer", "maker", "checker"]) {
      expect((await call(server.url, "GET", "/api/v1/audit", { as: await signIn(server.url, username) })).status, username).toBe(403);
    }
  });
});
