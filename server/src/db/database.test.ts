import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.types.js";
import { testEngines } from "./testing/test-databases.test-support.js";

describe.each(testEngines())("Database on $name", (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open({ migrated: false });
    await db.query("CREATE TABLE ledger (id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text NOT NULL, amount numeric(20, 2), booked_on date, booked_at timestamptz, tags text[], details jsonb)");
  }, 120_000);
  afterAll(() => db?.close());

  it("says which engine it is", () => {
    expect(db.kind).toBe(engine.name);
  });

  it("binds parameters and returns the same JavaScript values on both engines", async () => {
    const at = new Date("2024-03-01T12:34:56.789Z");
    const insert = await db.query(
      "INSERT INTO ledger (label, amount, booked_on, booked_at, tags, details) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *",
      ["Robert'); DROP TABLE ledger;--", "12345678901234567.89", "2024-02-29", at, ["fee", "a,b"], JSON.stringify({ iban: "GB33BUKB20201555555555", n: [1, 2] })],
    );
    expect(insert.rowCount).toBe(1);
    const row = insert.rows[0]!;
    expect(row).toEqual({
      id: expect.any(String) as unknown,
      label: "Robert'); DROP TABLE ledger;--",
      amount: "12345678901234567.89", // numeric: a string, never a lossy number
      booked_on: "2024-02-29", // date: the calendar day, no time zone
      booked_at: at, // timestamptz: a Date
      tags: ["fee", "a,b"],
      details: { iban: "GB33BUKB20201555555555", n: [1, 2] },
    });
    expect(row.booked_at).toBeInstanceOf(Date);
  });

  it("keeps int8 and numeric exact, also inside arrays", async () => {
    const { rows } = await db.query("SELECT 9007199254740993::int8 AS big, ARRAY[9007199254740993]::int8[] AS bigs, ARRAY[0.1, 2.50]::numeric[] AS amounts, ARRAY['2024-01-02'::date] AS days, $1::numeric * 3 AS tripled", ["0.1"]);
    expect(rows[0]).toEqual({ big: "9007199254740993", bigs: ["9007199254740993"], amounts: ["0.1", "2.50"], days: ["2024-01-02"], tripled: "0.3" });
    // Without parameters the statement takes the other protocol: same values.
    const simple = await db.query("SELECT 9007199254740993::int8 AS big, 0.1::numeric AS amount, '2024-01-02'::date AS day, '2024-01-02T03:04:05Z'::timestamptz AS at");
    expect(simple.rows[0]).toEqual({ big: "9007199254740993", amount: "0.1", day: "2024-01-02", at: new Date("2024-01-02T03:04:05Z") });
  });

  it("reports rows changed, and rows returned by a SELECT, as rowCount", async () => {
    await db.query("INSERT INTO ledger (label) VALUES ($1), ($2), ($3)", ["r1", "r2", "r3"]);
    const updated = await db.query("UPDATE ledger SET amount = $1 WHERE label LIKE 'r%'", ["1.00"]);
    expect(updated).toEqual({ rows: [], rowCount: 3 });
    const selected = await db.query<{ label: string }>("SELECT label FROM ledger WHERE label LIKE 'r%' ORDER BY label");
    expect(selected.rows.map((r) => r.label)).toEqual(["r1", "r2", "r3"]);
    expect(selected.rowCount).toBe(3);
  });

  it("runs a script of several statements when there are no parameters, answering with the last", async () => {
    const result = await db.query("CREATE TABLE script_a (x int); INSERT INTO script_a VALUES (1), (2); SELECT count(*)::int AS n FROM script_a");
    expect(result.rows).toEqual([{ n: 2 }]);
  });

  it("surfaces SQL errors with their SQLSTATE", async () => {
    await expect(db.query("SELECT 1 / $1::int", [0])).rejects.toMatchObject({ code: "22012" });
  });

  it("commits a transaction when its work resolves", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO ledger (label) VALUES ($1)", ["committed"]);
      return (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM ledger WHERE label = $1", ["committed"])).rows[0]!.n;
    });
    expect(result).toBe(1);
    expect((await db.query("SELECT 1 FROM ledger WHERE label = $1", ["committed"])).rowCount).toBe(1);
  });

  it("rolls a transaction back when its work throws, and rethrows", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO ledger (label) VALUES ($1)", ["rolled back"]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await db.query("SELECT 1 FROM ledger WHERE label = $1", ["rolled back"])).rowCount).toBe(0);
  });

  it("refuses to report success when a failed statement was caught inside the transaction", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO ledger (label) VALUES ($1)", ["before the error"]);
        await tx.query("SELECT 1 / 0").catch(() => undefined);
        return "pretend all is well";
      }),
    ).rejects.toThrow(/rolled back, not committed/);
    expect((await db.query("SELECT 1 FROM ledger WHERE label = $1", ["before the error"])).rowCount).toBe(0);
  });

  it("refuses a transaction handle used after its transaction ended", async () => {
    const leaked = await db.transaction((tx) => Promise.resolve(tx));
    await expect(leaked.query("SELECT 1")).rejects.toThrow(/already finished/);
  });

  it("keeps running after many transactions, failed ones included (connections are returned)", async () => {
    for (let i = 0; i < 25; i++) {
      await db.transaction(() => Promise.reject(new Error(`fail ${i}`))).catch(() => undefined);
    }
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction(async (tx) => (await tx.query<{ i: number }>("SELECT $1::int AS i", [i])).rows[0]!.i)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("answers ping", async () => {
    expect(await db.ping()).toBe(true);
  });
});

describe.each(testEngines())("Closing a $name database", (engine) => {
  it("is idempotent, and refuses work afterwards", async () => {
    const db = await engine.open({ migrated: false });
    await Promise.all([db.close(), db.close()]);
    await db.close();
    expect(await db.ping()).toBe(false);
    await expect(db.query("SELECT 1")).rejects.toThrow(/closed/);
    await expect(db.transaction(() => Promise.resolve())).rejects.toThrow(/closed/);
  }, 120_000);
});

describe.each(testEngines().filter((engine) => engine.name === "postgres"))("Database on $name, when a connection dies", (engine) => {
  it("fails that statement or transaction, without crashing, and keeps serving from fresh connections", async () => {
    const db = await engine.open({ migrated: false });
    try {
      await expect(db.transaction((tx) => tx.query("SELECT pg_terminate_backend(pg_backend_pid())"))).rejects.toThrow();
      await expect(db.query("SELECT pg_terminate_backend(pg_backend_pid())")).rejects.toThrow();
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => db.transaction(async (tx) => (await tx.query<{ i: number }>("SELECT $1::int AS i", [i])).rows[0]!.i)));
      expect(results).toHaveLength(12);
      expect(await db.ping()).toBe(true);
    } finally {
      await db.close();
    }
  }, 60_000);
});
