import { AsyncLocalStorage } from "node:async_hooks";
import { join } from "node:path";
import { PGlite, type Results } from "@electric-sql/pglite";
import { AsyncMutex } from "./async-mutex.js";
import type { Database, QueryResult, Queryable } from "./database.types.js";
import { ensurePrivateDirectory } from "./private-directory.js";
import { runTransaction, type Execute } from "./run-transaction.js";
import { PGLITE_PARSERS } from "./value-parsers.js";

/** PGlite keeps its files in this subfolder of the data folder; the lock file and other state sit beside it. */
export const PGLITE_SUBFOLDER = "pglite";

/**
 * Opens (creating on first use) the embedded database in `<dataDir>/pglite`.
 * The caller must hold the data-folder lock: PGlite does not lock its files,
 * and two processes on one folder lose commits (toolchain P8).
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  ensurePrivateDirectory(dataDir);
  const pglite = await PGlite.create(join(dataDir, PGLITE_SUBFOLDER), { parsers: PGLITE_PARSERS });
  return new PgliteDatabase(pglite);
}

class PgliteDatabase implements Database {
  readonly kind = "pglite";
  readonly #pglite: PGlite;
  /** PGlite has one connection: every query and transaction waits its turn here. */
  readonly #mutex = new AsyncMutex();
  /** Set while a transaction's work runs, to catch `db.query` from inside it (it would wait forever). */
  readonly #insideTransaction = new AsyncLocalStorage<{ active: boolean }>();
  #closing: Promise<void> | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    this.#assertUsable("query");
    const { rows, rowCount } = await this.#mutex.run(() => this.#execute(sql, params));
    return { rows: rows as Row[], rowCount };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.#assertUsable("transaction");
    return this.#mutex.run(() => {
      const state = { active: true };
      const guardedWork = (tx: Queryable): Promise<T> => this.#insideTransaction.run(state, () => work(tx));
      return runTransaction(this.#execute, guardedWork).finally(() => (state.active = false));
    });
  }

  async ping(): Promise<boolean> {
    if (this.#closing) return false;
    try {
      await this.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    // Queued work finishes first; anything asked after close() is refused.
    this.#closing ??= this.#mutex.run(() => this.#pglite.close());
    return this.#closing;
  }

  /** Without params: simple protocol, so a script of several statements runs (migrations); the last one's result. */
  readonly #execute: Execute = async (sql, params) => {
    const result: Results | undefined = params.length > 0 ? await this.#pglite.query(sql, [...params]) : (await this.#pglite.exec(sql)).at(-1);
    // `rowCount` (rows affected or returned, as pg reports it) is set at run time but missing from PGlite's types.
    const rowCount = (result as { rowCount?: number } | undefined)?.rowCount ?? 0;
    return { rows: result?.rows ?? [], rowCount, command: result?.command };
  };

  #assertUsable(operation: string): void {
    if (this.#closing) throw new Error(`Cannot run ${operation}: the database has been closed.`);
    if (this.#insideTransaction.getStore()?.active) {
      throw new Error(`db.${operation}() was called inside db.transaction(): use the tx passed to the work function (on PGlite's single connection this call would wait forever).`);
    }
  }
}
