import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePrivateDirectory } from "./private-directory.js";

// POSIX permissions: Finwright servers run on Linux (Windows has no mode bits to test).
describe("ensurePrivateDirectory", () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), "finwright-private-"))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("creates a missing folder, and its parents, readable by this user only", () => {
    const dir = join(root, "a", "b");
    ensurePrivateDirectory(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("tightens an existing folder that others could read", () => {
    chmodSync(root, 0o755);
    ensurePrivateDirectory(root);
    expect(statSync(root).mode & 0o777).toBe(0o700);
  });
});
