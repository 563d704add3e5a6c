import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { verifyPassword } from "../auth/password-hash.js";
import { TEST_SCRYPT } from "../auth/testing/auth-test-server.test-support.js";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { DEMO_USERS, seedDemoWorkspace } from "./seed-demo-workspace.js";
import { createWorkspace } from "./workspace-service.js";

const databases: Database[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.close();
});

describe.each(testEngines())("seedDemoWorkspace on $name", (engine) => {
  async function open(): Promise<Database> {
    const db = await engine.open();
    databases.push(db);
    return db;
  }

  it("creates the demo workspace and its six users with their roles, and returns the generated password once", { timeout: 60_000 }, async () => {
    const db = await open();
    const result = await seedDemoWorkspace(db, { passwordHashing: TEST_SCRYPT });
    expect(result.created).toBe(true);
    expect(result.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await db.query("SELECT slug, name FROM workspaces")).rows).toEqual([{ slug: "demo", name: "Demo bank" }]);
    const { rows } = await db.query<{ username: string; roles: string[]; password_hash: string }>(
      "SELECT u.username, m.roles, u.password_hash FROM users u JOIN memberships m ON m.user_id = u.id ORDER BY u.username",
    );
    expect(rows.map(({ username, roles }) => ({ username, roles }))).toEqual([
      { username: "admin", roles: ["admin"] },
      { username: "builder", roles: ["builder"] },
      { username: "checker", roles: ["approver", "checker"] },
      { username: "developer", roles: ["developer"] },
      { username: "maker", roles: ["viewer", "maker"] },
      { username: "viewer", roles: ["viewer"] },
    ]);
    expect(new Set(rows.map((row) => row.password_hash)).size).toBe(6); // one salt each
    expect(await verifyPassword(result.password ?? "", rows[0]!.password_hash)).toBe(true);
    const actions = (await db.query<{ action: string }>("SELECT action FROM audit_log ORDER BY id")).rows.map((row) => row.action);
    expect(actions).toEqual(["workspace.created", ...DEMO_USERS.flatMap(() => ["user.created", "membership.granted"]), "demo.seeded"]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 14 });
  });

  it("uses the given password and then does not return it", { timeout: 60_000 }, async () => {
    const db = await open();
    expect(await seedDemoWorkspace(db, { password: "given demo password", passwordHashing: TEST_SCRYPT })).toEqual({ created: true });
    const hash = (await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'checker'")).rows[0]!.password_hash;
    expect(await verifyPassword("given demo password", hash)).toBe(true);
  });

  it("is idempotent: a second call changes nothing", { timeout: 60_000 }, async () => {
    const db = await open();
    await seedDemoWorkspace(db, { passwordHashing: TEST_SCRYPT });
    const before = await snapshot(db);
    expect(await seedDemoWorkspace(db, { passwordHashing: TEST_SCRYPT })).toEqual({ created: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it("does nothing on a database that already has a workspace", { timeout: 60_000 }, async () => {
    const db = await open();
    await createWorkspace(db, { slug: "acme", name: "Acme" });
    expect(await seedDemoWorkspace(db, { passwordHashing: TEST_SCRYPT })).toEqual({ created: false });
    expect((await db.query("SELECT count(*)::int AS n FROM users")).rows[0]).toEqual({ n: 0 });
  });

  it("seeds exactly once when several instances race", { timeout: 60_000 }, async () => {
    const db = await open();
    const results = await Promise.all(Array.from({ length: 5 }, () => seedDemoWorkspace(db, { passwordHashing: TEST_SCRYPT })));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect((await db.query("SELECT count(*)::int AS n FROM users")).rows[0]).toEqual({ n: 6 });
    expect((await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.seeded'")).rows[0]).toEqual({ n: 1 });
  });

  it("refuses a weak demo password before changing anything", { timeout: 60_000 }, async () => {
    const db = await open();
    await expect(seedDemoWorkspace(db, { password: "changeme" })).rejects.toMatchObject({ code: "weak-password", message: expect.stringMatching(/at least 12/) as unknown });
    await expect(seedDemoWorkspace(db, { password: "Password1234" })).rejects.toMatchObject({ code: "weak-password" });
    expect((await db.query("SELECT count(*)::int AS n FROM workspaces")).rows[0]).toEqual({ n: 0 });
  });
});

async function snapshot(db: Database): Promise<unknown> {
  return Promise.all(
    ["SELECT * FROM workspaces", "SELECT * FROM users ORDER BY id", "SELECT * FROM memberships ORDER BY user_id", "SELECT id, hash FROM audit_log ORDER BY id"].map(
      async (sql) => (await db.query(sql)).rows,
    ),
  );
}
