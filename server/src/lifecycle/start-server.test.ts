import { existsSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE_NAME, acquireDataDirLock } from "../db/data-dir-lock.js";
import { copyPgliteTemplate, type TestDataDir } from "../db/testing/pglite-template.test-support.js";
import { postgresTestUrl, createTestSchema } from "../db/testing/postgres-test-schema.test-support.js";
import { startServer } from "./start-server.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<TestDataDir> {
  const dir = await copyPgliteTemplate("migrated");
  cleanups.push(() => dir.remove());
  return dir;
}

describe("startServer on the embedded database", () => {
  it("serves health and readiness, holds the data folder, and releases it on stop", async () => {
    const { dataDir: folder } = await dataDir();
    const running = await startServer({ host: "127.0.0.1", port: 0, dataDir: folder });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${running.url}/readyz`)).json()).toEqual({ status: "ready" });
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(true);
    expect(() => acquireDataDirLock(folder)).toThrow(/in use by another Finwright process/);
    await running.stop();
    await running.stop(); // idempotent
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it("keeps what was written across a restart on the same folder", async () => {
    const { dataDir: folder } = await dataDir();
    const first = await startServer({ host: "127.0.0.1", port: 0, dataDir: folder });
    await first.database.query("INSERT INTO workspaces (slug, name) VALUES ($1, $2)", ["acme", "Acme Bank"]);
    await first.stop();
    const second = await startServer({ host: "127.0.0.1", port: 0, dataDir: folder });
    cleanups.push(() => second.stop());
    expect(second.appliedMigrations).toEqual([]);
    expect((await second.database.query("SELECT name FROM workspaces WHERE slug = $1", ["acme"])).rows).toEqual([{ name: "Acme Bank" }]);
  });

  it("undoes everything when it cannot listen: no lock left, the folder usable again", async () => {
    const { dataDir: folder } = await dataDir();
    const blocker = createNetServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    cleanups.push(() => new Promise<void>((done) => blocker.close(() => done())));
    const port = (blocker.address() as { port: number }).port;
    await expect(startServer({ host: "127.0.0.1", port, dataDir: folder })).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
    const running = await startServer({ host: "127.0.0.1", port: 0, dataDir: folder });
    await running.stop();
  });
});

// Registered only where PostgreSQL is configured (CI sets DATABASE_URL).
describe.each(postgresTestUrl() ? ["PostgreSQL"] : [])("startServer on %s", () => {
  it("migrates, serves readiness and takes no data-folder lock", async () => {
    const schema = await createTestSchema();
    cleanups.push(() => schema.drop());
    const { dataDir: folder } = await dataDir();
    const running = await startServer({ host: "127.0.0.1", port: 0, dataDir: folder, databaseUrl: schema.databaseUrl });
    cleanups.push(() => running.stop());
    expect(running.appliedMigrations.length).toBeGreaterThan(0);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
  });
});
