import type { Database, Queryable, QueryResult } from "../database.types.js";
import { runMigrations } from "../migrate.js";
import { openDatabase } from "../open-database.js";
import { copyPgliteTemplate } from "./pglite-template.test-support.js";
import { createTestSchema, postgresTestUrl } from "./postgres-test-schema.test-support.js";

export interface TestEngineOpenOptions {
  /** Apply every migration (default) or start from an empty database. */
  readonly migrated?: boolean;
}

export interface TestEngine {
  readonly name: "pglite" | "postgres";
  /** A database of its own (a copied PGlite folder, or a PostgreSQL schema); close() removes it. */
  open(options?: TestEngineOpenOptions): Promise<Database>;
}

/**
 * The engines to run a suite on: PGlite always, PostgreSQL when DATABASE_URL
 * is set. Use with `describe.each(testEngines())("$name", (engine) => …)`.
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: "pglite", open: openPgliteTestDatabase }];
  if (postgresTestUrl()) engines.push({ name: "postgres", open: openPostgresTestDatabase });
  return engines;
}

async function openPgliteTestDatabase({ migrated = true }: TestEngineOpenOptions = {}): Promise<Database> {
  const folder = await copyPgliteTemplate(migrated ? "migrated" : "bare");
  try {
    return withCleanup(await openDatabase({ dataDir: folder.dataDir }), () => folder.remove());
  } catch (error) {
    folder.remove();
    throw error;
  }
}

async function openPostgresTestDatabase({ migrated = true }: TestEngineOpenOptions = {}): Promise<Database> {
  const schema = await createTestSchema();
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl: schema.databaseUrl });
    if (migrated) await runMigrations(db);
    return withCleanup(db, () => schema.drop());
  } catch (error) {
    await db?.close();
    await schema.drop();
    throw error;
  }
}

/** The same database, whose close() also removes what the test created for it. */
function withCleanup(db: Database, cleanup: () => void | Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    kind: db.kind,
    query: <Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> => db.query<Row>(sql, params),
    transaction: <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => db.transaction(work),
    ping: () => db.ping(),
    close: () => (closing ??= db.close().then(cleanup)),
  };
}
