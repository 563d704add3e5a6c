import type { Database, Queryable } from "./database.types.js";
import { loadMigrations, MIGRATIONS_DIRECTORY, type Migration } from "./load-migrations.js";

export interface MigrationOptions {
  /** Folder of the `NNNN_name.sql` files (tests use their own). */
  readonly directory?: string;
}

export interface MigrationReport {
  /** Versions this call applied, in order (empty when the database was up to date). */
  readonly applied: readonly number[];
  /** Highest version now applied (0 when there are no migrations). */
  readonly version: number;
}

/**
 * First half of the advisory-lock key (the second is the schema's name hash),
 * so instances sharing one schema take turns and separate schemas don't wait.
 */
const LOCK_CLASS = 0x46_57_4d_49; // "FWMI"

/**
 * Applies pending migrations in order, each in its own transaction that also
 * records it in schema_migrations. Safe when several instances start at once:
 * each transaction first takes an advisory lock and re-reads what is applied,
 * so every migration runs exactly once. Refuses to run when an applied file
 * was edited or the database is newer than this code.
 */
export async function runMigrations(db: Database, options: MigrationOptions = {}): Promise<MigrationReport> {
  const migrations = loadMigrations(options.directory ?? MIGRATIONS_DIRECTORY);
  const applied: number[] = [];
  for (;;) {
    const next = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [LOCK_CLASS]);
      const pending = firstPending(migrations, await recordedChecksums(tx));
      if (pending) await apply(tx, pending);
      return pending;
    });
    if (!next) break;
    applied.push(next.version);
  }
  return { applied, version: migrations.at(-1)?.version ?? 0 };
}

async function recordedChecksums(tx: Queryable): Promise<Map<number, string>> {
  await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    checksum text NOT NULL
  )`);
  const { rows } = await tx.query<{ version: number; checksum: string }>("SELECT version, checksum FROM schema_migrations ORDER BY version");
  return new Map(rows.map((row) => [row.version, row.checksum]));
}

/** The first migration not yet applied, after checking that the applied ones are the ones on disk. */
function firstPending(migrations: readonly Migration[], recorded: ReadonlyMap<number, string>): Migration | undefined {
  const known = new Map(migrations.map((migration) => [migration.version, migration]));
  for (const [version, checksum] of recorded) {
    const migration = known.get(version);
    if (!migration) {
      throw new Error(`The database has migration ${version} applied, which this Finwright does not know: it was set up by a newer version. Run that version (or newer) against this database.`);
    }
    if (migration.checksum !== checksum) {
      throw new Error(`Migration ${migration.file} was changed after it was applied to this database (recorded checksum ${checksum.slice(0, 12)}…, file now ${migration.checksum.slice(0, 12)}…). Applied migrations must never be edited: restore the file and put the change in a new numbered migration.`);
    }
  }
  return migrations.find((migration) => !recorded.has(migration.version));
}

async function apply(tx: Queryable, migration: Migration): Promise<void> {
  try {
    await tx.query(migration.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.file} failed and was rolled back: ${reason}`, { cause: error });
  }
  await tx.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [migration.version, migration.name, migration.checksum]);
}
