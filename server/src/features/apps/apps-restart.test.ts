import { afterEach, describe, expect, it } from "vitest";
import { copyPgliteTemplate } from "../../db/testing/pglite-template.test-support.js";
import { createTestSchema, postgresTestUrl } from "../../db/testing/postgres-test-schema.test-support.js";
import { silentLogger } from "../../http/testing/listen.test-support.js";
import { startServer, type StartOptions } from "../../lifecycle/start-server.js";
import { seedTestDemo } from "../auth/testing/auth-test-server.test-support.js";
import { call, signIn } from "../auth/testing/http-client.test-support.js";
import { sampleDefinition } from "./testing/apps-test-server.test-support.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Where each engine keeps its data across a restart: a PGlite folder, or a PostgreSQL schema. */
const STORAGES: { name: string; options: () => Promise<Omit<StartOptions, "host" | "port">> }[] = [
  {
    name: "pglite",
    options: async () => {
      const folder = await copyPgliteTemplate("migrated");
      cleanups.push(() => folder.remove());
      return { dataDir: folder.dataDir };
    },
  },
  ...(postgresTestUrl()
    ? [
        {
          name: "postgres",
          options: async () => {
            const folder = await copyPgliteTemplate("bare"); // unused by PostgreSQL, but startServer wants one
            const schema = await createTestSchema();
            cleanups.push(() => folder.remove(), () => schema.drop());
            return { dataDir: folder.dataDir, databaseUrl: schema.databaseUrl };
          },
        },
      ]
    : []),
];

/** Issue 3, "Restart persistence": create and publish, stop the server, start it again on the same storage, read everything back. */
describe.each(STORAGES)("apps across a restart on $name", (storage) => {
  it("keeps the draft, its ETag, the versions and the audit trail", async () => {
    const options = { ...(await storage.options()), host: "127.0.0.1", port: 0, logger: silentLogger() };
    const first = await startServer(options);
    let stopFirst: (() => Promise<void>) | undefined = () => first.stop();
    cleanups.push(() => stopFirst?.());
    await seedTestDemo(first.database);
    const builder = await signIn(first.url, "builder");
    const created = await call(first.url, "POST", "/api/v1/apps", { as: builder, body: { definition: sampleDefinition({ id: "durable", text: "v1" }) } });
    const app = (await created.json()) as { id: string };
    await call(first.url, "POST", `/api/v1/apps/${app.id}/publish`, { as: builder, body: { note: "before the restart" } });
    const draft = sampleDefinition({ id: "durable", text: "draft after v1" });
    const saved = await call(first.url, "PUT", `/api/v1/apps/${app.id}`, { as: builder, body: { definition: draft }, headers: { "if-match": created.headers.get("etag")! } });
    const etag = saved.headers.get("etag");
    await first.stop();
    stopFirst = undefined;

    const second = await startServer(options);
    cleanups.push(() => second.stop());
    const viewer = await signIn(second.url, "viewer");
    const read = await call(second.url, "GET", `/api/v1/apps/${app.id}`, { as: viewer });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(etag);
    expect(((await read.json()) as { definition: unknown }).definition).toEqual(draft);
    const version = (await (await call(second.url, "GET", `/api/v1/apps/${app.id}/versions/1`, { as: viewer })).json()) as { note: string; definition: unknown };
    expect(version).toMatchObject({ note: "before the restart", definition: sampleDefinition({ id: "durable", text: "v1" }) });
    const { rows } = await second.database.query<{ action: string }>("SELECT action FROM audit_log WHERE target = $1 ORDER BY id", [`app:${app.id}`]);
    expect(rows.map((row) => row.action)).toEqual(["app.created", "app.published", "app.updated"]);
  }, 60_000);
});
