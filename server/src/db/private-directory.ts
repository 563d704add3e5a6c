import { chmodSync, mkdirSync, statSync } from "node:fs";

/**
 * Creates `dir` (and parents) readable by this user only. PGlite creates its
 * files world-writable (0666, toolchain P8), so the folder around them is what
 * keeps other local users out. A folder that already exists with looser
 * permissions is tightened, as it holds password hashes and sessions.
 */
export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === "win32") return; // POSIX modes mean nothing there
  const { mode } = statSync(dir);
  if ((mode & 0o077) !== 0) chmodSync(dir, mode & 0o700);
}
