import { defineConfig } from "vitest/config";

// Tests import other packages through their built dist/ (`npm test` builds
// first), so no aliases are needed.
export default defineConfig({
  test: {
    include: [
      "{schemas,runtime,components,editor,server}/src/**/*.test.{ts,tsx}",
      ".ci/**/*.test.ts",
      "examples/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    // __boundary_probe_*: files planted for a moment by .ci/lint-boundaries.test.ts.
    exclude: ["**/node_modules/**", "**/dist/**", "**/__boundary_probe_*"],
    testTimeout: 10_000,
    // One temporary folder per run for test databases (PGlite templates, copies); removed at the end.
    globalSetup: ["server/src/db/testing/global-setup.test-support.ts"],
  },
});
