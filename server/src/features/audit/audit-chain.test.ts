import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.types.js";
import { testEngines } from "../../db/testing/test-databases.test-support.js";
import { appendAudit } from "./append-audit.js";
import { chainHash } from "./audit-entry.js";
import { verifyAuditChain } from "./verify-audit-chain.js";

const WORKSPACE = "6f1c1b8e-3c1a-4d2b-9a55-0d9e4f1a2b3c";

describe.each(testEngines())("the audit chain on $name", (engine) => {
  let db: Database;
  beforeEach(async () => {
    db = await engine.open();
  }, 60_000);
  afterEach(() => db.close());

  async function append(count: number, action = "test.action"): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      await db.transaction((tx) =>
        appendAudit(tx, { workspaceId: WORKSPACE.toUpperCase(), actor: "user:1", action, target: `thing:${index}`, requestId: `req-${index}`, summary: { index, nested: { b: [1, "two"], a: null }, skipped: undefined } }),
      );
    }
  }

  it("holds on an empty log and after appends; each entry links to the one before", async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 0, lastHash: null });
    await append(5);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, entries: 5 });
    const { rows } = await db.query<{ prev_hash: string | null; hash: string }>("SELECT prev_hash, hash FROM audit_log ORDER BY id");
    expect(rows[0]!.prev_hash).toBeNull();
    for (let index = 1; index < rows.length; index += 1) expect(rows[index]!.prev_hash).toBe(rows[index - 1]!.hash);
    expect(report.ok && report.lastHash).toBe(rows.at(-1)!.hash);
  });

  it("hashes sha256(previous hash + canonical JSON of the entry)", async () => {
    const at = new Date("2025-01-02T03:04:05.678Z");
    await db.transaction((tx) => appendAudit(tx, { workspaceId: null, actor: "system", action: "a.b", at, summary: { z: 1, a: 2 } }));
    const { rows } = await db.query<{ hash: string }>("SELECT hash FROM audit_log");
    const canonical = '{"action":"a.b","actor":"system","at":"2025-01-02T03:04:05.678Z","requestId":null,"summary":{"a":2,"z":1},"target":null,"workspaceId":null}';
    const expected = (await import("node:crypto")).createHash("sha256").update(canonical).digest("hex");
    expect(rows[0]!.hash).toBe(expected);
    expect(chainHash(null, { action: "a.b", actor: "system", at: at.toISOString(), requestId: null, summary: { a: 2, z: 1 }, target: null, workspaceId: null })).toBe(expected);
  });

  it("refuses UPDATE, DELETE and TRUNCATE through its trigger", async () => {
    await append(1);
    await expect(db.query("UPDATE audit_log SET summary = '{}'")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(db.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
  });

  it("detects a row altered with the trigger disabled, naming the first broken entry", async () => {
    await append(6);
    const third = (await db.query<{ id: string }>("SELECT id FROM audit_log ORDER BY id OFFSET 2 LIMIT 1")).rows[0]!.id;
    await db.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await db.query(`UPDATE audit_log SET summary = '{"index": 99}' WHERE id = ${Number(third)}`);
    await db.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, entries: 2, brokenAt: { id: third, action: "test.action", target: "thing:2" }, reason: expect.stringMatching(/altered/) as unknown });
  });

  it("detects a deleted entry", async () => {
    await append(4);
    const ids = (await db.query<{ id: string }>("SELECT id FROM audit_log ORDER BY id")).rows.map((row) => row.id);
    await db.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await db.query(`DELETE FROM audit_log WHERE id = ${Number(ids[1])}`);
    await db.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, entries: 1, brokenAt: { id: ids[2] }, reason: expect.stringMatching(/removed, inserted or reordered/) as unknown });
  });

  it("detects a removed first entry", async () => {
    await append(2);
    await db.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await db.query("DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)");
    await db.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, entries: 0, reason: expect.stringMatching(/before it were removed/) as unknown });
  });

  it("stays one chain when many transactions append at once", { timeout: 60_000 }, async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        db.transaction(async (tx) => {
          await tx.query("SELECT 1");
          await appendAudit(tx, { workspaceId: WORKSPACE, actor: `user:${index}`, action: "parallel.append", summary: { index } });
        }),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 40 });
  });

  it("rolls back with the transaction it belongs to", async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { workspaceId: null, actor: "system", action: "never.happened" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await db.query("SELECT count(*)::int AS n FROM audit_log")).rows[0]).toEqual({ n: 0 });
    await append(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1 });
  });

  it("verifies across batches of a long log", { timeout: 60_000 }, async () => {
    await db.transaction(async (tx) => {
      for (let index = 0; index < 1_005; index += 1) await appendAudit(tx, { workspaceId: null, actor: "system", action: "bulk", summary: { index } });
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1_005 });
  });
});
