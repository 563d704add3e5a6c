import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { testRun, type TestRun } from "./test-run.test-support.js";

/** The PostgreSQL the tests may use (CI sets it), or undefined to test on PGlite only. */
export function postgresTestUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export interface TestSchema {
  readonly schema: string;
  /** DATABASE_URL whose connections use only this schema (search_path). */
  readonly databaseUrl: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

const SCHEMA_PREFIX = "fw_test_";

/** A fresh, empty schema of its own, so parallel test files never see each other's tables. */
export async function createTestSchema(): Promise<TestSchema> {
  const baseUrl = postgresTestUrl();
  if (!baseUrl) throw new Error("createTestSchema needs DATABASE_URL.");
  // Generated from hex only, so safe to put in SQL: identifiers cannot be parameters.
  const schema = `${SCHEMA_PREFIX}${testRun().id}_${randomBytes(6).toString("hex")}`;
  // Noted before it exists, so the run's teardown drops it even if this test never does.
  mkdirSync(schemasFolder(testRun()), { recursive: true });
  writeFileSync(join(schemasFolder(testRun()), schema), "");
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    schema,
    databaseUrl: url.toString(),
    drop: () => withClient(baseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
  };
}

/** Teardown of a run: drops the schemas its tests did not (a failed or aborted test). Connects only if some were made. */
export async function dropTestSchemasOfRun(run: TestRun): Promise<void> {
  const baseUrl = postgresTestUrl();
  const folder = schemasFolder(run);
  if (!baseUrl || !existsSync(folder)) return;
  const schemas = readdirSync(folder).filter((name) => /^fw_test_[0-9a-f_]+$/.test(name)); // never interpolate anything else
  await withClient(baseUrl, async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
}

function schemasFolder(run: TestRun): string {
  return join(run.dir, "postgres-schemas");
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
