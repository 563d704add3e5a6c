import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { verifyPassword } from "../auth/password-hash.js";
import { TEST_SCRYPT } from "../auth/testing/auth-test-server.test-support.js";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { addMembership, createUser, createWorkspace, findUserByUsername, findWorkspaceBySlug } from "./workspace-service.js";

const PASSWORD = "a long enough passphrase";

describe.each(testEngines())("the workspace service on $name", (engine) => {
  let db: Database;
  beforeEach(async () => {
    db = await engine.open();
  }, 60_000);
  afterEach(() => db.close());

  const newUser = (username: string, password = PASSWORD) => createUser(db, { username, displayName: `User ${username}`, password }, { passwordHashing: TEST_SCRYPT });

  it("creates a workspace, a user (lower-case, hashed password) and a membership, each audited", async () => {
    const workspace = await createWorkspace(db, { slug: "acme-bank", name: " Acme Bank " });
    expect(workspace).toEqual({ id: expect.any(String) as unknown, slug: "acme-bank", name: "Acme Bank" });
    const user = await newUser("Alice.Smith");
    expect(user).toMatchObject({ username: "alice.smith", displayName: "User Alice.Smith" });
    await addMembership(db, workspace.id, user.id, ["builder", "checker", "builder"], { actor: "user:someone", requestId: "req-1" });
    expect((await db.query("SELECT roles FROM memberships")).rows).toEqual([{ roles: ["builder", "checker"] }]);
    const hash = (await db.query<{ password_hash: string }>("SELECT password_hash FROM users")).rows[0]!.password_hash;
    expect(hash).toMatch(/^\$scrypt\$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    const { rows } = await db.query<{ action: string; actor: string; request_id: string | null }>("SELECT action, actor, request_id FROM audit_log ORDER BY id");
    expect(rows).toEqual([
      { action: "workspace.created", actor: "system", request_id: null },
      { action: "user.created", actor: "system", request_id: null },
      { action: "membership.granted", actor: "user:someone", request_id: "req-1" },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    expect(await findWorkspaceBySlug(db, "acme-bank")).toEqual(workspace);
    expect(await findUserByUsername(db, "ALICE.SMITH")).toEqual(user);
  });

  it("replaces a member's roles and records the previous ones", async () => {
    const workspace = await createWorkspace(db, { slug: "acme", name: "Acme" });
    const user = await newUser("bob");
    await addMembership(db, workspace.id, user.id, ["viewer"]);
    await addMembership(db, workspace.id, user.id, ["viewer", "maker"]);
    expect((await db.query("SELECT roles FROM memberships")).rows).toEqual([{ roles: ["viewer", "maker"] }]);
    expect((await db.query("SELECT summary FROM audit_log WHERE action = 'membership.granted' ORDER BY id DESC LIMIT 1")).rows[0]).toEqual({
      summary: { roles: ["viewer", "maker"], previousRoles: ["viewer"] },
    });
  });

  it("refuses duplicates, invalid names and weak passwords with clear IdentityErrors, storing nothing", async () => {
    await createWorkspace(db, { slug: "acme", name: "Acme" });
    await newUser("carol");
    await expect(createWorkspace(db, { slug: "acme", name: "Again" })).rejects.toMatchObject({ code: "already-exists", message: expect.stringMatching(/'acme' exists already/) as unknown });
    await expect(createWorkspace(db, { slug: "Acme Bank!", name: "x" })).rejects.toMatchObject({ code: "invalid-input" });
    await expect(newUser("CAROL")).rejects.toMatchObject({ code: "already-exists" });
    await expect(newUser("no spaces please")).rejects.toMatchObject({ code: "invalid-input" });
    await expect(newUser("dave", "short")).rejects.toMatchObject({ code: "weak-password" });
    await expect(newUser("dave", "dave")).rejects.toMatchObject({ code: "weak-password", message: expect.stringMatching(/not be the username/) as unknown });
    await expect(newUser("eve", "password1234")).rejects.toMatchObject({ code: "weak-password" });
    expect((await db.query("SELECT username FROM users")).rows).toEqual([{ username: "carol" }]);
  });

  it("refuses memberships of unknown workspaces or users and invalid role names", async () => {
    const workspace = await createWorkspace(db, { slug: "acme", name: "Acme" });
    const user = await newUser("frank");
    await expect(addMembership(db, "00000000-0000-4000-8000-000000000000", user.id, ["viewer"])).rejects.toMatchObject({ code: "not-found" });
    await expect(addMembership(db, workspace.id, "not-a-uuid", ["viewer"])).rejects.toMatchObject({ code: "not-found" });
    await expect(addMembership(db, workspace.id, user.id, ["Admin"])).rejects.toMatchObject({ code: "invalid-input" });
    expect((await db.query("SELECT count(*)::int AS n FROM memberships")).rows[0]).toEqual({ n: 0 });
  });
});
