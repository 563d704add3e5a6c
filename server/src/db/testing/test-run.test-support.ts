import { inject } from "vitest";

/** What the global setup (global-setup.test-support.ts) hands to every test file of one run. */
export interface TestRun {
  /** A temporary folder removed when the run ends: every test database folder lives in it. */
  readonly dir: string;
  /** Short random id of the run, part of every PostgreSQL test schema's name. */
  readonly id: string;
}

declare module "vitest" {
  interface ProvidedContext {
    finwrightTestRun: TestRun;
  }
}

export function testRun(): TestRun {
  const run = inject("finwrightTestRun") as TestRun | undefined;
  if (!run) throw new Error("No test run folder: run the tests through the root vitest.config.ts, whose globalSetup creates it.");
  return run;
}
