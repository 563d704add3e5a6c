import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open-database.js";
import { copyPgliteTemplate, type TestDataDir } from "../../db/testing/pglite-template.test-support.js";
import { UsageError, type CliIo } from "../cli-io.js";
import { auditCommand } from "./audit.command.js";
import { userCommand } from "./user.command.js";

const folders: TestDataDir[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove();
});

function capture(): CliIo & { text: () => string } {
  let text = "";
  return { out: (t) => void (text += t), err: (t) => void (text += t), cwd: process.cwd(), isTty: false, text: () => text };
}

async function folder(): Promise<string> {
  const dir = await copyPgliteTemplate("migrated");
  folders.push(dir);
  return dir.dataDir;
}

const strong = "correct-horse-battery-staple-42";

describe("finwright user create", () => {
  it("creates the workspace and the user with roles, and the audit chain records it", async () => {
    const dataDir = await folder();
    const io = capture();
    const env = { FINWRIGHT_USER_PASSWORD: strong };
    expect(await userCommand(["create", "alice", "--workspace", "acme-bank", "--roles", "admin,maker", "--data-dir", dataDir, "--json"], io, { env })).toBe(0);
    expect(JSON.parse(io.text())).toMatchObject({ user: { username: "alice" }, workspace: { slug: "acme-bank" }, roles: ["admin", "maker"] });
    const audit = capture();
    expect(await auditCommand(["verify", "--data-dir", dataDir], audit, {})).toBe(0);
    expect(audit.text()).toMatch(/The audit chain holds: [1-9]\d* entries verified/);
  });

  it("reads the password from standard input, never from a flag", async () => {
    const dataDir = await folder();
    const io = capture();
    expect(await userCommand(["create", "bob", "--workspace", "acme", "--roles", "viewer", "--data-dir", dataDir], io, { env: {}, readStdin: () => Promise.resolve(`${strong}\n`) })).toBe(0);
    expect(io.text()).toBe("Created user 'bob' in workspace 'acme' with roles viewer.\n");
    // Usage mistakes throw UsageError, which main() turns into exit code 2.
    await expect(userCommand(["create", "carol", "--password", strong], capture(), { env: {} })).rejects.toThrow(UsageError);
  });

  it("refuses a bad role name before creating anything", async () => {
    const dataDir = await folder();
    const io = capture();
    expect(await userCommand(["create", "frank", "--workspace", "acme", "--roles", "Admin!", "--data-dir", dataDir], io, { env: { FINWRIGHT_USER_PASSWORD: strong } })).toBe(1);
    const again = capture();
    expect(await userCommand(["create", "frank", "--workspace", "acme", "--roles", "viewer", "--data-dir", dataDir], again, { env: { FINWRIGHT_USER_PASSWORD: strong } })).toBe(0);
  });

  it("refuses a weak password (exit 1) and a missing workspace flag (exit 2)", async () => {
    const dataDir = await folder();
    const weak = capture();
    expect(await userCommand(["create", "dave", "--workspace", "acme", "--roles", "viewer", "--data-dir", dataDir], weak, { env: { FINWRIGHT_USER_PASSWORD: "password123" } })).toBe(1);
    expect(weak.text()).toMatch(/password/i);
    await expect(userCommand(["create", "dave", "--roles", "viewer"], capture(), { env: { FINWRIGHT_USER_PASSWORD: strong } })).rejects.toThrow(/--workspace is required/);
  });
});

describe("finwright audit verify", () => {
  it("detects a tampered row (exit 1, naming the first broken entry)", async () => {
    const dataDir = await folder();
    const env = { FINWRIGHT_USER_PASSWORD: strong };
    expect(await userCommand(["create", "erin", "--workspace", "acme", "--roles", "builder", "--data-dir", dataDir], capture(), { env })).toBe(0);
    // An insider with table access edits history: the trigger has to be switched off to do it.
    const db = await openDatabase({ dataDir });
    const { rows } = await db.query<{ id: string }>("SELECT min(id)::text AS id FROM audit_log");
    await db.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await db.query("UPDATE audit_log SET actor = 'someone-else' WHERE id = $1", [rows[0]!.id]);
    await db.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    await db.close();
    const io = capture();
    expect(await auditCommand(["verify", "--data-dir", dataDir], io, {})).toBe(1);
    expect(io.text()).toContain(`The audit chain is BROKEN at entry ${rows[0]!.id}`);
    const json = capture();
    expect(await auditCommand(["verify", "--json", "--data-dir", dataDir], json, {})).toBe(1);
    expect(JSON.parse(json.text())).toMatchObject({ ok: false, brokenAt: { id: rows[0]!.id } });
  });

  it("knows only the verify subcommand", async () => {
    await expect(auditCommand(["list"], capture(), {})).rejects.toThrow(UsageError);
  });
});
