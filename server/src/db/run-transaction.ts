import type { QueryResult, Queryable } from "./database.types.js";

/** One statement on one connection, as the adapters run it; `command` is the tag (e.g. "COMMIT"). */
export type Execute = (sql: string, params: readonly unknown[]) => Promise<QueryResult<unknown> & { readonly command?: string | undefined }>;

/**
 * BEGIN, `work`, then COMMIT or ROLLBACK, on a connection the caller holds
 * exclusively for the duration. Shared by both adapters so they behave alike.
 */
export async function runTransaction<T>(execute: Execute, work: (tx: Queryable) => Promise<T>): Promise<T> {
  let open = true;
  const tx: Queryable = {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      // A tx kept past its transaction would otherwise run outside it, unnoticed.
      if (!open) throw new Error("This transaction has already finished: run queries inside the transaction's work function.");
      const { rows, rowCount } = await execute(sql, params);
      return { rows: rows as Row[], rowCount };
    },
  };
  await execute("BEGIN", []);
  try {
    const result = await work(tx);
    open = false;
    const commit = await execute("COMMIT", []);
    // PostgreSQL answers COMMIT of a failed transaction with a silent ROLLBACK:
    // that happens when `work` caught a query error and carried on.
    if (commit.command === "ROLLBACK") {
      throw new Error("The transaction was rolled back, not committed: a statement in it failed (and the error was caught inside the transaction).");
    }
    return result;
  } catch (error) {
    open = false;
    await execute("ROLLBACK", []).catch(() => undefined); // the original error is the one worth reporting
    throw error;
  }
}
