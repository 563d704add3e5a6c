import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_LIMITS } from "@finwright/schemas";

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a definition file; a file far over the size limit is read only as far as the validator needs to refuse it. */
export function readInputFile(path: string, cwd: string, maxBytes = DEFAULT_LIMITS.maxBytes): ReadResult {
  const full = resolve(cwd, path);
  try {
    const stats = statSync(full);
    if (stats.isDirectory()) return { ok: false, reason: "is a folder, not a file" };
    if (stats.size > maxBytes) return { ok: true, text: readPrefix(full, maxBytes + 1) };
    return { ok: true, text: readFileSync(full, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, reason: "no such file" };
    if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "permission denied" };
    return { ok: false, reason: (error as Error).message };
  }
}

function readPrefix(path: string, bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(path, "r");
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
