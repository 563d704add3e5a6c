import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { ensurePrivateDirectory } from "./private-directory.js";

export const LOCK_FILE_NAME = "finwright.lock";

export interface DataDirLock {
  /** The lock file, `<dir>/finwright.lock`. */
  readonly path: string;
  /** Deletes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** What the lock file holds. `nonce` tells two holders with the same pid apart (a container restarted as pid 1). */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly nonce: string;
}

/** Thrown when another live process holds the folder; the message says which and what to do. */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly owner: Pick<LockOwner, "pid" | "host" | "startedAt">) {
    const sameHost = owner.host === hostname();
    super(
      `The data folder ${dir} is in use by another Finwright process (pid ${owner.pid}${sameHost ? "" : ` on host ${owner.host}`}, since ${owner.startedAt}). ` +
        (sameHost
          ? "Stop that process, or give this one its own folder with FINWRIGHT_DATA_DIR."
          : `If that machine or container is gone for good, delete ${join(dir, LOCK_FILE_NAME)}; otherwise use another FINWRIGHT_DATA_DIR.`),
    );
    this.name = "DataDirLockedError";
  }
}

/** Lock files this process holds (path → nonce), so a second acquire of the same folder here is refused too. */
const heldHere = new Map<string, string>();

/**
 * Takes the exclusive lock on a data folder (creating the folder, private, if
 * needed). PGlite does not lock its files and two processes on one folder lose
 * commits (toolchain P8). A lock left by a crashed process on this host is
 * recovered; a live holder makes this throw DataDirLockedError at once.
 */
export function acquireDataDirLock(folder: string): DataDirLock {
  const dir = resolve(folder);
  ensurePrivateDirectory(dir);
  const path = join(dir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), nonce: randomUUID() };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusively(path, JSON.stringify(owner))) {
      heldHere.set(path, owner.nonce);
      return { path, release: () => release(path, owner) };
    }
    const current = readOwner(path);
    if (current && isAlive(current, path)) throw new DataDirLockedError(dir, current);
    removeIfStill(path, current);
  }
  // Another process recovered the stale lock and took the folder between our two tries.
  const winner = readOwner(path);
  throw winner ? new DataDirLockedError(dir, winner) : new Error(`Could not lock the data folder ${dir}: ${path} keeps changing. Is another Finwright starting on it?`);
}

/**
 * Creates `path` with `content`, or returns false when it exists. The content
 * is written to a private temporary file first and then hard-linked into
 * place, so nobody ever sees a half-written lock and takes it for garbage.
 */
function createExclusively(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (isCode(error, "EEXIST")) return false;
    if (!isCode(error, "EPERM", "ENOTSUP", "ENOSYS")) throw error;
    return createWithoutHardLinks(path, content); // file systems without hard links (FAT, some network mounts)
  } finally {
    unlinkSync(temporary);
  }
}

function createWithoutHardLinks(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if (isCode(error, "EEXIST")) return false;
    throw error;
  }
}

/** The lock's owner, or undefined when the file is gone, unreadable or not a lock we wrote. */
function readOwner(path: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    const { pid, host, startedAt, nonce } = (value ?? {}) as Partial<Record<keyof LockOwner, unknown>>;
    if (Number.isSafeInteger(pid) && (pid as number) > 0 && typeof host === "string" && typeof startedAt === "string") {
      return { pid: pid as number, host, startedAt, nonce: typeof nonce === "string" ? nonce : "" };
    }
  } catch {
    // unreadable or garbage: stale
  }
  return undefined;
}

/**
 * Whether the holder may still be running. A process on another host cannot
 * be checked: assume it is. Our own pid counts only if this process holds the
 * lock; otherwise it is a previous life that had the same pid (containers).
 */
function isAlive(owner: LockOwner, path: string): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return heldHere.get(path) === owner.nonce;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, "ESRCH"); // EPERM: alive, owned by another user
  }
}

/**
 * Removes a stale lock, unless someone replaced it since we read it: the file
 * is first renamed away atomically, then checked; a fresh lock is put back.
 */
function removeIfStill(path: string, stale: LockOwner | undefined): void {
  const aside = `${path}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (isCode(error, "ENOENT")) return; // already removed by someone else
    throw error;
  }
  const moved = readOwner(aside);
  if (moved && !(stale && sameOwner(moved, stale))) {
    try {
      linkSync(aside, path); // not the one we judged stale: give it back
    } catch {
      // the folder was taken meanwhile; the retry will report it
    }
  }
  unlinkSync(aside);
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt && a.nonce === b.nonce;
}

function release(path: string, owner: LockOwner): void {
  if (heldHere.get(path) !== owner.nonce) return; // released already, or a later lock of this process
  heldHere.delete(path);
  const current = readOwner(path);
  if (!current || !sameOwner(current, owner)) return; // taken over meanwhile: not ours to delete
  try {
    unlinkSync(path);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && codes.includes(code);
}
