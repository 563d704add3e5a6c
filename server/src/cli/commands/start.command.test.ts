import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE_NAME } from "../../db/data-dir-lock.js";
import { copyPgliteTemplate } from "../../db/testing/pglite-template.test-support.js";

const bin = join(import.meta.dirname, "../../../bin/finwright.js");
const children: ChildProcess[] = [];
const folders: (() => void)[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const remove of folders.splice(0)) remove();
});

interface Started { child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Runs the real CLI in its own process (no DATABASE_URL, so PGlite in the folder). */
function run(args: string[]): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
  delete env["DATABASE_URL"];
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 600; i++) {
    const match = pattern.exec(started.output());
    if (match) return match;
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never printed ${String(pattern)}; output:\n${started.output()}`);
}

describe("finwright start (real processes)", () => {
  it("refuses a second server on the same data folder at once, naming the folder and the other process", async () => {
    const { dataDir, ...folder } = await copyPgliteTemplate("migrated");
    folders.push(() => folder.remove());
    const first = run(["start", "--port", "0", "--data-dir", dataDir]);
    await waitFor(first, /running at (http:\/\/127\.0\.0\.1:\d+)/);
    const second = run(["start", "--port", "0", "--data-dir", dataDir]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by another Finwright process (pid ${first.child.pid}`);
  }, 60_000);

  it("stops cleanly on SIGTERM: exit 0, the data folder released", async () => {
    const { dataDir, ...folder } = await copyPgliteTemplate("migrated");
    folders.push(() => folder.remove());
    const server = run(["start", "--port", "0", "--data-dir", dataDir]);
    const [, url] = await waitFor(server, /running at (http:\/\/127\.0\.0\.1:\d+)/);
    expect((await fetch(`${url!}/readyz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Stopped.");
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);

  it("--demo creates the demo users once and prints their password only that time", async () => {
    const { dataDir, ...folder } = await copyPgliteTemplate("migrated");
    folders.push(() => folder.remove());
    const first = run(["start", "--demo", "--port", "0", "--data-dir", dataDir]);
    const [, password] = await waitFor(first, /Password for all of them: (\S+)/);
    const [, url] = await waitFor(first, /running at (http:\/\/127\.0\.0\.1:\d+)/);
    const login = await fetch(`${url!}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "checker", password }) });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ roles: ["approver", "checker"], workspace: { slug: "demo" } });
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const second = run(["start", "--demo", "--port", "0", "--data-dir", dataDir]);
    await waitFor(second, /Press Ctrl\+C/);
    expect(second.output()).toContain("Demo workspace: already set up");
    expect(second.output()).not.toContain(password!);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 90_000);

  it("exits 2 on a bad port", async () => {
    const started = run(["start", "--port", "70000"]);
    expect(await started.exited).toBe(2);
    expect(started.output()).toMatch(/--port must be a port number from 0 to 65535/);
  }, 30_000);
});
