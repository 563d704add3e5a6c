import pg from "pg";
import type { Database, QueryResult, Queryable } from "./database.types.js";
import { runTransaction, type Execute } from "./run-transaction.js";
import { POSTGRES_TYPES } from "./value-parsers.js";

/** How long to wait for a free or new connection before failing (0 in pg means forever). */
const CONNECT_TIMEOUT_MS = 10_000;
/** Upper bound of ping(), so /readyz answers even when PostgreSQL hangs. */
const PING_TIMEOUT_MS = 5_000;

/**
 * Connects a pool to PostgreSQL and checks that it answers, so a wrong
 * DATABASE_URL fails at start with a clear message rather than at the first
 * request.
 */
export async function openPostgresDatabase(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, types: POSTGRES_TYPES, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client that loses its server emits "error" on the pool; unhandled, it
  // would crash the process. The pool drops that client; ping() reports the outage.
  pool.on("error", () => undefined);
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${redactPassword(databaseUrl)}: ${reason}. Check DATABASE_URL and that the server is running.`, { cause: error });
  }
  return new PostgresDatabase(pool);
}

class PostgresDatabase implements Database {
  readonly kind = "postgres";
  readonly #pool: pg.Pool;
  #closing: Promise<void> | undefined;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    this.#assertOpen("query");
    const { rows, rowCount } = await executeOn(this.#pool)(sql, params);
    return { rows: rows as Row[], rowCount };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.#assertOpen("transaction");
    const client = await this.#pool.connect();
    const execute = executeOn(client);
    let broken: Error | undefined;
    // pg emits "error" on a checked-out client whose connection drops; unheard, it
    // would crash the process. The query in flight fails with it anyway.
    const onConnectionError = (error: Error): void => void (broken = error);
    client.on("error", onConnectionError);
    // A connection that failed (anything but an error PostgreSQL answered with)
    // must not go back to the pool for the next caller.
    const tracked: Execute = (sql, params) =>
      execute(sql, params).catch((error: unknown) => {
        if (!(error instanceof pg.DatabaseError)) broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      });
    try {
      return await runTransaction(tracked, work);
    } finally {
      client.off("error", onConnectionError);
      client.release(broken);
    }
  }

  async ping(): Promise<boolean> {
    if (this.#closing) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
    const answer = this.#pool.query("SELECT 1").then(() => true, () => false);
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    // pool.end() waits for checked-out clients to be released, so open transactions finish.
    this.#closing ??= this.#pool.end();
    return this.#closing;
  }

  #assertOpen(operation: string): void {
    if (this.#closing) throw new Error(`Cannot run ${operation}: the database has been closed.`);
  }
}

/**
 * Without params pg uses the simple protocol, where a script of several
 * statements is allowed (migrations) and answers with one result each: keep
 * the last, as the PGlite adapter does.
 */
function executeOn(target: pg.Pool | pg.PoolClient): Execute {
  return async (sql, params) => {
    const results = (await target.query(sql, [...params])) as pg.QueryResult | pg.QueryResult[];
    const result = Array.isArray(results) ? results.at(-1) : results;
    return { rows: result?.rows ?? [], rowCount: result?.rowCount ?? 0, command: result?.command };
  };
}

function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}
