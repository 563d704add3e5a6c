import { chmodSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.types.js";
import { openDatabase } from "./open-database.js";
import { PGLITE_SUBFOLDER } from "./pglite-database.js";
import { copyPgliteTemplate, type TestDataDir } from "./testing/pglite-template.test-support.js";

/** A promise and the function that resolves it, to order steps without timers. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

describe("PGlite database", () => {
  let folder: TestDataDir;
  let db: Database;
  beforeAll(async () => {
    folder = await copyPgliteTemplate("bare");
    db = await openDatabase({ dataDir: folder.dataDir });
    await db.query("CREATE TABLE events (label text NOT NULL)");
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    folder?.remove();
  });

  it("does not lose a query issued while a transaction is open when that transaction rolls back (P9)", async () => {
    const inserted = signal();
    const release = signal();
    const transaction = db.transaction(async (tx) => {
      await tx.query("INSERT INTO events (label) VALUES ($1)", ["inside, rolled back"]);
      inserted.fire();
      await release.promise;
      throw new Error("roll back");
    });
    await inserted.promise;
    // Issued while the transaction holds PGlite's only connection: must wait, not join it.
    const outside = db.query("INSERT INTO events (label) VALUES ($1)", ["outside, concurrent"]);
    release.fire();
    await expect(transaction).rejects.toThrow("roll back");
    await outside;
    const { rows } = await db.query<{ label: string }>("SELECT label FROM events ORDER BY label");
    expect(rows.map((row) => row.label)).toEqual(["outside, concurrent"]);
  });

  it("runs concurrent transactions one after the other", async () => {
    await db.query("CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (0)");
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>("SELECT n FROM counter");
          await tx.query("UPDATE counter SET n = $1", [rows[0]!.n + 1]);
        }),
      ),
    );
    expect((await db.query("SELECT n FROM counter")).rows).toEqual([{ n: 10 }]);
  });

  it("fails clearly, instead of waiting forever, when db is used inside its own transaction", async () => {
    await expect(db.transaction(() => db.query("SELECT 1"))).rejects.toThrow(/use the tx passed to the work function/);
    await expect(db.transaction(() => db.transaction(() => Promise.resolve()))).rejects.toThrow(/inside db.transaction/);
    expect(await db.ping()).toBe(true);
  });

  it("allows db again in callbacks that outlive the transaction", async () => {
    let later: (() => Promise<unknown>) | undefined;
    await db.transaction(() => {
      later = () => db.query("SELECT 1");
      return Promise.resolve();
    });
    await expect(later!()).resolves.toMatchObject({ rowCount: 1 });
  });
});

describe("PGlite persistence", () => {
  it("keeps committed data across close and reopen of the same folder", async () => {
    const folder = await copyPgliteTemplate("migrated");
    try {
      chmodSync(folder.dataDir, 0o755);
      const first = await openDatabase({ dataDir: folder.dataDir });
      // PGlite creates its files 0666 (P8): the folder around them must be private.
      expect(statSync(folder.dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder.dataDir, PGLITE_SUBFOLDER, "PG_VERSION")).isFile()).toBe(true);
      await first.query("INSERT INTO workspaces (slug, name) VALUES ($1, $2)", ["acme", "Acme Bank"]);
      await first.close();
      const second = await openDatabase({ dataDir: folder.dataDir });
      try {
        expect((await second.query("SELECT slug, name FROM workspaces")).rows).toEqual([{ slug: "acme", name: "Acme Bank" }]);
      } finally {
        await second.close();
      }
    } finally {
      folder.remove();
    }
  }, 120_000);
});

describe("openDatabase", () => {
  it("asks for a database URL or a data folder", async () => {
    await expect(openDatabase({})).rejects.toThrow(/databaseUrl .* or dataDir/);
  });

  it("names the PostgreSQL it cannot reach, without the password", async () => {
    const error = await openDatabase({ databaseUrl: "postgres://finwright:s3cret@127.0.0.1:1/nothing" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at postgres:\/\/finwright:\*\*\*@127\.0\.0\.1:1\/nothing: .*Check DATABASE_URL/);
    expect((error as Error).message).not.toContain("s3cret");
  });
});
