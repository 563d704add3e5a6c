import type { Database, DatabaseConfig } from "./database.types.js";
import { openPgliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

/**
 * PostgreSQL through a pool when `databaseUrl` is set, otherwise the embedded
 * PGlite in `dataDir`. Does not migrate: call runMigrations(db) next.
 */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgresDatabase(config.databaseUrl);
  if (config.dataDir) return openPgliteDatabase(config.dataDir);
  return Promise.reject(new Error("openDatabase: set databaseUrl (PostgreSQL) or dataDir (the embedded database's folder)."));
}
