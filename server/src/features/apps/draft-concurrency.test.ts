import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { countRows, createTestApp, sampleDefinition, startAppsTestServer, type AppsTestServer } from "./testing/apps-test-server.test-support.js";

const CLIENTS = 20;
const SAVES_PER_CLIENT = 25;

interface AcceptedWrite {
  readonly basedOn: string;
  readonly etag: string;
  readonly text: string;
}

/**
 * Issue 3, "Concurrency": 20 clients × 25 conflicting saves of one draft,
 * each reading the draft and then saving with its ETag. No lost update: the
 * accepted writes form one chain (each based on the one before), everything
 * else is 412, nothing is a 5xx, and the final draft is the last accepted write.
 */
describe.each(testEngines())("concurrent saves of one draft on $name", (engine) => {
  let server: AppsTestServer;
  beforeAll(async () => {
    server = await startAppsTestServer(engine);
  }, 120_000);
  afterAll(() => server?.close());

  it("accepts only writes based on the latest version; all others get 412", async () => {
    const app = await createTestApp(server, sampleDefinition({ id: "contended" }));
    const path = `/api/v1/apps/${app.id}`;
    const accepted: AcceptedWrite[] = [];
    const statuses = new Map<number, number>();

    const client = async (clientNumber: number): Promise<void> => {
      for (let save = 0; save < SAVES_PER_CLIENT; save++) {
        const read = await server.call("builder", "GET", path);
        expect(read.status).toBe(200);
        const basedOn = read.headers.get("etag")!;
        await read.arrayBuffer();
        const text = `client ${clientNumber}, save ${save}`;
        const written = await server.call("builder", "PUT", path, { body: { definition: sampleDefinition({ id: "contended", text }) }, headers: { "if-match": basedOn } });
        statuses.set(written.status, (statuses.get(written.status) ?? 0) + 1);
        if (written.status === 200) accepted.push({ basedOn, etag: written.headers.get("etag")!, text });
        else expect(written.headers.get("etag")).toMatch(/^"/); // a 412 names the current ETag
        await written.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));

    expect([...statuses.keys()].sort()).toEqual(accepted.length === CLIENTS * SAVES_PER_CLIENT ? [200] : [200, 412]);
    expect((statuses.get(200) ?? 0) + (statuses.get(412) ?? 0)).toBe(CLIENTS * SAVES_PER_CLIENT);
    expect(accepted.length).toBeGreaterThan(0);

    // The accepted writes, in the order they were accepted, form one chain from the created draft.
    const byBase = new Map(accepted.map((write) => [write.basedOn, write]));
    expect(byBase.size).toBe(accepted.length); // no two writes accepted on the same version
    const chain: AcceptedWrite[] = [];
    for (let write = byBase.get(app.etag); write !== undefined; write = byBase.get(write.etag)) chain.push(write);
    expect(chain.length).toBe(accepted.length);

    const final = await server.call("viewer", "GET", path);
    expect(final.headers.get("etag")).toBe(chain.at(-1)!.etag);
    expect(((await final.json()) as { definition: unknown }).definition).toEqual(sampleDefinition({ id: "contended", text: chain.at(-1)!.text }));
    // One audit entry per accepted write, none for a refused one.
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE target = $1 AND action = 'app.updated'", [`app:${app.id}`]);
    expect(rows[0]!.n).toBe(accepted.length);
    expect(await countRows(server.db, "apps")).toBe(1);
  }, 120_000);
});
