import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runMigrations } from "../migrate.js";
import { openDatabase } from "../open-database.js";
import { testRun } from "./test-run.test-support.js";

/** "bare": an initialised, empty database; "migrated": with every migration applied. */
export type PgliteTemplateKind = "bare" | "migrated";

export interface TestDataDir {
  readonly dataDir: string;
  remove(): void;
}

/** A building test file waits at most this long for another one's template (initdb takes 3–8 s). */
const TEMPLATE_WAIT_MS = 120_000;

let template: Promise<string> | undefined;

/**
 * A fresh data folder holding a copy of the run's PGlite template. Creating a
 * PGlite database takes seconds (initdb); copying one takes milliseconds.
 */
export async function copyPgliteTemplate(kind: PgliteTemplateKind): Promise<TestDataDir> {
  const root = await (template ??= ensureTemplate());
  const dataDir = mkdtempSync(join(testRun().dir, "db-"));
  cpSync(join(root, kind), dataDir, { recursive: true });
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * Builds the templates once per run: test files run in several workers, so
 * the first to create the folder builds and the others wait for its marker.
 */
async function ensureTemplate(): Promise<string> {
  const root = join(testRun().dir, "pglite-template");
  try {
    mkdirSync(root);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    return waitForTemplate(root);
  }
  try {
    await buildTemplate(root);
    writeFileSync(join(root, "ready"), "");
    return root;
  } catch (error) {
    writeFileSync(join(root, "failed"), error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}

async function buildTemplate(root: string): Promise<void> {
  const bare = join(root, "bare");
  await (await openDatabase({ dataDir: bare })).close();
  const migrated = join(root, "migrated");
  cpSync(bare, migrated, { recursive: true });
  const db = await openDatabase({ dataDir: migrated });
  try {
    await runMigrations(db);
  } finally {
    await db.close();
  }
}

async function waitForTemplate(root: string): Promise<string> {
  const deadline = Date.now() + TEMPLATE_WAIT_MS;
  while (Date.now() < deadline) {
    if (existsSync(join(root, "ready"))) return root;
    if (existsSync(join(root, "failed"))) {
      throw new Error(`Building the PGlite test template failed in another test file:\n${readFileSync(join(root, "failed"), "utf8")}`);
    }
    await sleep(100);
  }
  throw new Error(`The PGlite test template in ${root} was not ready after ${TEMPLATE_WAIT_MS / 1000} s.`);
}
