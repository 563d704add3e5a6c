import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from "./data-dir-lock.js";

/** The built module: a child process runs plain Node, which cannot load the TypeScript source. */
const BUILT_MODULE = new URL("../../dist/db/data-dir-lock.js", import.meta.url);
const CHILD_READY_MS = 10_000;

let root: string;
let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "finwright-lock-"));
  dir = join(root, "data");
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

const lockFile = () => join(dir, LOCK_FILE_NAME);
const writeLock = (content: unknown) => writeFileSync(lockFile(), typeof content === "string" ? content : JSON.stringify(content));

/** Starts a real process that takes the lock and holds it until killed; resolves once it holds it. */
async function childHoldingLock(): Promise<ChildProcess> {
  if (!existsSync(BUILT_MODULE)) throw new Error(`${BUILT_MODULE.pathname} is missing: build first (npx tsc -b).`);
  const script = `const { acquireDataDirLock } = await import(process.argv[1]); acquireDataDirLock(process.argv[2]); console.log("locked"); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, BUILT_MODULE.href, dir], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The child did not take the lock within ${CHILD_READY_MS} ms. ${stderr}`)), CHILD_READY_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The child exited (${code}) before taking the lock. ${stderr}`));
    });
  });
  return child;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("acquireDataDirLock", () => {
  it("creates the folder privately and writes who holds it", () => {
    const lock = acquireDataDirLock(dir);
    expect(lock.path).toBe(lockFile());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, host: hostname(), startedAt: expect.any(String) as unknown });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("refuses a second lock in the same process, naming the folder and the pid", () => {
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`The data folder ${dir} is in use by another Finwright process (pid ${process.pid}`);
    } finally {
      lock.release();
    }
    acquireDataDirLock(dir).release(); // free again after release
  });

  it("makes a release idempotent and never deletes a lock that is no longer ours", () => {
    const lock = acquireDataDirLock(dir);
    lock.release();
    lock.release();
    const next = acquireDataDirLock(dir);
    lock.release(); // the old handle must not free the new holder's lock
    expect(existsSync(lockFile())).toBe(true);
    next.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("fails at once while another live process holds the folder, then recovers after that process is killed", async () => {
    const child = await childHoldingLock();
    const error = (() => {
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain(`pid ${child.pid}`);
    expect((error as DataDirLockedError).owner.pid).toBe(child.pid);

    // A crash (kill -9) leaves the lock file behind: the next start recovers it.
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(existsSync(lockFile())).toBe(true);
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  }, 30_000);

  it("recovers a stale lock left by a process that is gone", async () => {
    acquireDataDirLock(dir).release();
    writeLock({ pid: await deadPid(), host: hostname(), startedAt: "2020-01-01T00:00:00.000Z", nonce: "old" });
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("recovers a lock file that is empty or garbage", () => {
    acquireDataDirLock(dir).release();
    for (const garbage of ["", "{not json", JSON.stringify({ pid: "x" }), "null"]) {
      writeLock(garbage);
      acquireDataDirLock(dir).release();
    }
  });

  it("recovers a lock with this process's pid that this process does not hold (a restarted container reuses pids)", () => {
    acquireDataDirLock(dir).release();
    writeLock({ pid: process.pid, host: hostname(), startedAt: "2020-01-01T00:00:00.000Z", nonce: "previous life" });
    acquireDataDirLock(dir).release();
  });

  it("refuses a lock held on another host, and says how to clear it if that host is gone", () => {
    acquireDataDirLock(dir).release();
    writeLock({ pid: 4242, host: "elsewhere.example", startedAt: "2020-01-01T00:00:00.000Z", nonce: "n" });
    expect(() => acquireDataDirLock(dir)).toThrow(`pid 4242 on host elsewhere.example`);
    expect(() => acquireDataDirLock(dir)).toThrow(`delete ${lockFile()}`);
    expect(existsSync(lockFile())).toBe(true);
  });

  it("leaves no temporary files behind", async () => {
    acquireDataDirLock(dir).release();
    writeLock({ pid: await deadPid(), host: hostname(), startedAt: "2020-01-01T00:00:00.000Z", nonce: "stale" });
    acquireDataDirLock(dir).release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
