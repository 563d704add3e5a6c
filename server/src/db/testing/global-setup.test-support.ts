import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dropTestSchemasOfRun } from "./postgres-test-schema.test-support.js";
import type { TestRun } from "./test-run.test-support.js";

/**
 * Vitest global setup: one temporary folder and id per run, cheap enough to
 * create for every run. Database templates are built inside it lazily, by the
 * first test that needs one; teardown removes everything the run left behind,
 * even when a test forgot to close its database.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const id = randomBytes(4).toString("hex");
  const run: TestRun = { dir: mkdtempSync(join(tmpdir(), `finwright-test-${id}-`)), id };
  project.provide("finwrightTestRun", run);
  return async () => {
    try {
      await dropTestSchemasOfRun(run);
    } finally {
      rmSync(run.dir, { recursive: true, force: true });
    }
  };
}
