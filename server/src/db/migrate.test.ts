import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.types.js";
import { loadMigrations, MIGRATIONS_DIRECTORY } from "./load-migrations.js";
import { runMigrations } from "./migrate.js";
import { openDatabase } from "./open-database.js";
import { createTestSchema, postgresTestUrl } from "./testing/postgres-test-schema.test-support.js";
import { testEngines } from "./testing/test-databases.test-support.js";
import { testRun } from "./testing/test-run.test-support.js";

/** A folder of migration files for one test, inside the run's temporary folder. */
function migrationFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(testRun().dir, "migrations-"));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

const recorded = (db: Database) =>
  db.query<{ version: number; name: string; checksum: string; applied_at: Date }>("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");

describe.each(testEngines())("runMigrations on $name", (engine) => {
  const opened: Database[] = [];
  const open = async (migrated: boolean) => {
    const db = await engine.open({ migrated });
    opened.push(db);
    return db;
  };
  afterAll(() => Promise.all(opened.map((db) => db.close())));

  it("applies each migration once, records it, and does nothing the second time", async () => {
    const db = await open(false);
    const shipped = loadMigrations();
    const latest = shipped.at(-1)!.version;
    expect(await runMigrations(db)).toEqual({ applied: shipped.map((migration) => migration.version), version: latest });
    const { rows } = await recorded(db);
    expect(rows).toEqual(shipped.map((migration) => ({ version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: expect.any(Date) as unknown })));
    expect(rows[0]).toMatchObject({ version: 1, name: "identity_and_audit" });
    expect(await runMigrations(db)).toEqual({ applied: [], version: latest });
    expect((await recorded(db)).rows).toEqual(rows);
    const tables = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1");
    expect(tables.rows.map((t) => t.name)).toEqual(expect.arrayContaining(["api_tokens", "app_versions", "apps", "audit_log", "login_failures", "memberships", "publish_requests", "schema_migrations", "sessions", "users", "workspaces"]));
  }, 120_000);

  it("applies each migration exactly once when started twice at the same time on one database", async () => {
    const db = await open(false);
    const reports = await Promise.all([runMigrations(db), runMigrations(db)]);
    const shipped = loadMigrations().map((migration) => migration.version);
    expect(reports.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(shipped);
    expect((await recorded(db)).rowCount).toBe(shipped.length);
  }, 120_000);

  it("applies migrations added later, in order", async () => {
    const db = await open(false);
    const dir = migrationFolder({ "0001_first.sql": "CREATE TABLE first (x int);" });
    expect(await runMigrations(db, { directory: dir })).toEqual({ applied: [1], version: 1 });
    writeFileSync(join(dir, "0003_third.sql"), "INSERT INTO first VALUES (3);");
    writeFileSync(join(dir, "0002_second.sql"), "INSERT INTO first VALUES (2);");
    expect(await runMigrations(db, { directory: dir })).toEqual({ applied: [2, 3], version: 3 });
    expect((await db.query("SELECT x FROM first ORDER BY x")).rows).toEqual([{ x: 2 }, { x: 3 }]);
  }, 120_000);

  it("refuses to run when an applied migration's file was changed", async () => {
    const db = await open(false);
    const dir = migrationFolder({ "0001_first.sql": "CREATE TABLE first (x int);" });
    await runMigrations(db, { directory: dir });
    writeFileSync(join(dir, "0001_first.sql"), "CREATE TABLE first (x bigint);");
    writeFileSync(join(dir, "0002_second.sql"), "CREATE TABLE second (x int);");
    await expect(runMigrations(db, { directory: dir })).rejects.toThrow(/Migration 0001_first\.sql was changed after it was applied .* put the change in a new numbered migration/);
    expect((await recorded(db)).rowCount).toBe(1);
  }, 120_000);

  it("refuses a database set up by a newer Finwright", async () => {
    const db = await open(false);
    await runMigrations(db, { directory: migrationFolder({ "0001_first.sql": "SELECT 1;", "0002_second.sql": "SELECT 2;" }) });
    await expect(runMigrations(db, { directory: migrationFolder({ "0001_first.sql": "SELECT 1;" }) })).rejects.toThrow(/migration 2 applied, which this Finwright does not know/);
  }, 120_000);

  it("rolls a failing migration back entirely, and records nothing for it", async () => {
    const db = await open(false);
    const dir = migrationFolder({ "0001_first.sql": "CREATE TABLE first (x int);", "0002_broken.sql": "CREATE TABLE second (x int);\nSELECT 1 / 0;" });
    await expect(runMigrations(db, { directory: dir })).rejects.toThrow(/Migration 0002_broken\.sql failed and was rolled back: division by zero/);
    expect((await recorded(db)).rows.map((r) => r.version)).toEqual([1]);
    expect((await db.query("SELECT to_regclass('second') AS t")).rows).toEqual([{ t: null }]);
    writeFileSync(join(dir, "0002_broken.sql"), "CREATE TABLE second (x int);"); // never applied, so it may still be fixed
    expect(await runMigrations(db, { directory: dir })).toEqual({ applied: [2], version: 2 });
  }, 120_000);

  describe("migration 0001", () => {
    let db: Database;
    beforeAll(async () => (db = await open(true)), 120_000);

    it("makes audit_log append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
      const hash = "a".repeat(64);
      const { rows } = await db.query<{ id: string }>("INSERT INTO audit_log (actor, action, target, summary, hash) VALUES ($1, $2, $3, $4, $5) RETURNING id", ["alice", "app.create", "app:1", JSON.stringify({ name: "Payments" }), hash]);
      const id = rows[0]!.id;
      expect(id).toEqual(expect.any(String));
      const appendOnly = { code: "P0001", message: expect.stringMatching(/audit_log is append-only/) as unknown };
      await expect(db.query("UPDATE audit_log SET actor = $1 WHERE id = $2", ["mallory", id])).rejects.toMatchObject(appendOnly);
      await expect(db.query("DELETE FROM audit_log WHERE id = $1", [id])).rejects.toMatchObject(appendOnly);
      await expect(db.query("TRUNCATE audit_log")).rejects.toMatchObject(appendOnly);
      await expect(db.transaction((tx) => tx.query("DELETE FROM audit_log"))).rejects.toMatchObject(appendOnly);
      expect((await db.query("SELECT actor, hash FROM audit_log WHERE id = $1", [id])).rows).toEqual([{ actor: "alice", hash }]);
    });

    it("checks role names and lower-case usernames", async () => {
      const user = async (username: string) => db.query<{ id: string }>("INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id", [username, username, "scrypt$…"]);
      await expect(user("Alice")).rejects.toMatchObject({ code: "23514" });
      const userId = (await user("alice")).rows[0]!.id;
      await expect(user("alice")).rejects.toMatchObject({ code: "23505" });
      const workspaceId = (await db.query<{ id: string }>("INSERT INTO workspaces (slug, name) VALUES ($1, $2) RETURNING id", ["demo", "Demo"])).rows[0]!.id;
      expect(workspaceId).toMatch(/^[0-9a-f-]{36}$/);
      const member = (roles: unknown[]) => db.query("INSERT INTO memberships (workspace_id, user_id, roles) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO UPDATE SET roles = EXCLUDED.roles", [workspaceId, userId, roles]);
      for (const bad of [["Admin"], ["maker", "bad role"], [null], ["1st"]]) await expect(member(bad)).rejects.toMatchObject({ code: "23514" });
      await member(["admin", "maker", "four-eyes_checker"]);
      expect((await db.query("SELECT roles FROM memberships")).rows).toEqual([{ roles: ["admin", "maker", "four-eyes_checker"] }]);
    });
  });
});

// Registered only where PostgreSQL is configured (CI sets DATABASE_URL), like the engine-specific suites.
const onPostgres = postgresTestUrl() ? ["PostgreSQL"] : [];
describe.each(onPostgres)("runMigrations on %s from several instances at once", () => {
  it("applies each migration exactly once when separate pools migrate one schema together", async () => {
    const schema = await createTestSchema();
    const instances: Database[] = [];
    try {
      const dir = migrationFolder({
        "0002_runs.sql": "CREATE TABLE runs (version int NOT NULL);",
        "0003_run.sql": "INSERT INTO runs VALUES (3);",
        "0004_run.sql": "INSERT INTO runs VALUES (4);",
      });
      copyFileSync(join(MIGRATIONS_DIRECTORY, "0001_identity_and_audit.sql"), join(dir, "0001_identity_and_audit.sql"));
      for (let i = 0; i < 4; i++) instances.push(await openDatabase({ databaseUrl: schema.databaseUrl }));
      const reports = await Promise.all(instances.map((db) => runMigrations(db, { directory: dir })));
      expect(reports.flatMap((r) => r.applied).sort()).toEqual([1, 2, 3, 4]);
      const db = instances[0]!;
      expect((await db.query("SELECT version FROM runs ORDER BY version")).rows).toEqual([{ version: 3 }, { version: 4 }]);
      expect((await recorded(db)).rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await schema.drop();
    }
  }, 60_000);
});

describe("loadMigrations", () => {
  it("finds the shipped migrations from the built module too (tsc copies no .sql into dist)", async () => {
    const built = (await import(new URL("../../dist/db/load-migrations.js", import.meta.url).href)) as { MIGRATIONS_DIRECTORY: string };
    expect(built.MIGRATIONS_DIRECTORY).toBe(MIGRATIONS_DIRECTORY);
    expect(readdirSync(MIGRATIONS_DIRECTORY)).toContain("0001_identity_and_audit.sql");
  });

  it("ignores line endings when computing checksums", () => {
    const lf = loadMigrations(migrationFolder({ "0001_a.sql": "SELECT 1;\nSELECT 2;\n" }));
    const crlf = loadMigrations(migrationFolder({ "0001_a.sql": "SELECT 1;\r\nSELECT 2;\r\n" }));
    expect(crlf[0]!.checksum).toBe(lf[0]!.checksum);
  });

  it("refuses misnamed files and duplicate versions", () => {
    expect(() => loadMigrations(migrationFolder({ "1_first.sql": "" }))).toThrow(/1_first\.sql is misnamed: use four digits/);
    expect(() => loadMigrations(migrationFolder({ "0001_a.sql": "", "0001_b.sql": "" }))).toThrow(/0001_a\.sql and 0001_b\.sql .* share version 1/);
  });
});
