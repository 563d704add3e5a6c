import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The migrations shipped with the server. Resolved from this module so the
 * same path works from src/db (tests) and dist/db (the built CLI): both sit
 * two levels below the package root, and tsc does not copy .sql into dist.
 */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL("../../src/db/migrations/", import.meta.url));

export interface Migration {
  /** 1 for 0001_identity_and_audit.sql. */
  readonly version: number;
  /** "identity_and_audit". */
  readonly name: string;
  readonly file: string;
  readonly sql: string;
  /** sha256 of the file with line endings normalised, so a checkout with CRLF does not count as an edit. */
  readonly checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9][a-z0-9_]*)\.sql$/;

/** Reads every `NNNN_name.sql` in `directory`, sorted by version; refuses misnamed files and duplicate versions. */
export function loadMigrations(directory: string = MIGRATIONS_DIRECTORY): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Migration file ${join(directory, file)} is misnamed: use four digits, an underscore and a lower-case name, e.g. 0002_add_apps.sql.`);
      const sql = readFileSync(join(directory, file), "utf8").replace(/\r\n/g, "\n");
      return { version: Number(match[1]), name: match[2]!, file, sql, checksum: sha256(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous?.version === migration.version) {
      throw new Error(`Migrations ${previous.file} and ${migration.file} in ${directory} share version ${migration.version}: give each file its own number.`);
    }
  });
  return migrations;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
