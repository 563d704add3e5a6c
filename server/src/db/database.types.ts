/**
 * The one SQL dialect Finwright speaks: PostgreSQL, embedded (PGlite in a data
 * folder) or real (a pool through DATABASE_URL). Everything above the storage
 * layer sees only this interface.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE (for a SELECT: rows returned, as pg reports it). */
  readonly rowCount: number;
}

export interface Queryable {
  /**
   * Runs one parameterised statement ($1, $2, …). Never interpolate values into SQL.
   *
   * Values come back alike on both engines: int8, numeric and date as strings
   * (also in arrays), timestamptz as Date, json/jsonb parsed. Pass json/jsonb
   * parameters as `JSON.stringify(value)` (pg would send a JS array as a
   * PostgreSQL array). Without params the SQL may be a script of several
   * statements (migrations); the result is the last statement's.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside `work`, query through `tx` only: on PGlite's single connection `db` would wait
   * for the transaction to end, so calling it there throws.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Whether the database answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… — use PostgreSQL through a pool. */
  readonly databaseUrl?: string | undefined;
  /** Folder of the embedded PGlite database (used when databaseUrl is absent). */
  readonly dataDir?: string | undefined;
}
