import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { createServer } from "../create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../testing/listen.test-support.js";
import { databaseAnsweringPing } from "../testing/stub-database.test-support.js";
import { checkReadiness } from "./readiness.js";

let server: ListeningApp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(database: Database, isReady?: () => boolean): Promise<string> {
  server = await listenOnEphemeralPort(createServer({ database, logger: silentLogger(), isReady }));
  return server.url;
}

async function readyz(url: string): Promise<{ status: number; body: Record<string, unknown>; type: string | null }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, type: response.headers.get("content-type") };
}

describe("/healthz", () => {
  it("answers 200 while the process is up, even when the database does not", async () => {
    const url = await start(databaseAnsweringPing(() => false), () => false);
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("/readyz", () => {
  it("answers 200 when the database answers and startup is done", async () => {
    const url = await start(databaseAnsweringPing(() => true), () => true);
    expect(await readyz(url)).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("answers 503 problem+json while migrations are not done", async () => {
    let migrated = false;
    const url = await start(databaseAnsweringPing(() => true), () => migrated);
    const notYet = await readyz(url);
    expect(notYet).toMatchObject({ status: 503, body: { title: "Not ready", detail: expect.stringMatching(/migrations/) as unknown } });
    expect(notYet.type).toMatch(/^application\/problem\+json/);
    migrated = true;
    expect((await readyz(url)).status).toBe(200);
  });

  it("answers 503 when ping is false, and recovers when it is true again", async () => {
    let up = false;
    const url = await start(databaseAnsweringPing(() => up));
    expect(await readyz(url)).toMatchObject({ status: 503, body: { detail: "The database does not answer." } });
    up = true;
    expect((await readyz(url)).status).toBe(200);
  });

  it("answers 503 when ping throws, without the error's message", async () => {
    const url = await start(
      databaseAnsweringPing(() => {
        throw new Error("connect ECONNREFUSED 10.1.2.3:5432 password=hunter2");
      }),
    );
    const answer = await readyz(url);
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.body)).not.toMatch(/hunter2|10\.1\.2\.3/);
  });

  it("counts a ping that does not answer in time as no answer", async () => {
    const hanging = databaseAnsweringPing(() => new Promise<boolean>(() => undefined));
    expect(await checkReadiness(hanging, () => true, 50)).toEqual({ ready: false, reason: "The database does not answer." });
  });

  // Real engines: PGlite always, PostgreSQL when DATABASE_URL is set.
  describe.each(testEngines())("on $name", (engine) => {
    it("answers 200 on a migrated database and 503 once it is closed", { timeout: 60_000 }, async () => {
      const database = await engine.open();
      try {
        const url = await start(database, () => true);
        expect(await readyz(url)).toMatchObject({ status: 200, body: { status: "ready" } });
      } finally {
        await database.close();
      }
      expect((await readyz(server?.url ?? "")).status).toBe(503);
    });
  });
});
