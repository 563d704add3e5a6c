import { resolve } from "node:path";
import { acquireDataDirLock } from "../db/data-dir-lock.js";
import type { Database } from "../db/database.types.js";
import { runMigrations } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";

export interface DatabaseLocation {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}

/** Where the CLI's database is: DATABASE_URL, else --data-dir, FINWRIGHT_DATA_DIR or ./.finwright. */
export function databaseLocation(env: NodeJS.ProcessEnv, dataDirFlag: string | undefined): DatabaseLocation {
  return { databaseUrl: env["DATABASE_URL"] || undefined, dataDir: dataDirFlag ?? env["FINWRIGHT_DATA_DIR"] ?? ".finwright" };
}

/**
 * Opens the database for an offline command (user create, audit verify). On
 * PGlite it takes the data-folder lock like a server does, so it refuses to run
 * beside a running server instead of corrupting its data.
 */
export async function withDatabase<T>(location: DatabaseLocation, work: (database: Database) => Promise<T>): Promise<T> {
  const lock = location.databaseUrl ? undefined : acquireDataDirLock(resolve(location.dataDir));
  try {
    const database = await openDatabase(location.databaseUrl ? { databaseUrl: location.databaseUrl } : { dataDir: resolve(location.dataDir) });
    try {
      await runMigrations(database);
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
