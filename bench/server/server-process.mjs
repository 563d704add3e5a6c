// Starts `finwright start --demo` in a child process (so the server has its
// own event loop and the load generator does not share it), waits for the URL
// it prints, and stops it with SIGTERM.
import { spawn } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../server/bin/finwright.js", import.meta.url));

/**
 * The child's stdout (banner + one pino line per request at LOG_LEVEL=info) goes
 * to a file in `workDir`, not through a pipe into this process, so that
 * draining logs costs the server, as it would in production, and not the
 * load generator.
 */
export async function startServerProcess({ workDir, databaseUrl, password, logLevel, nodeArgs = [], timeoutMs = 60_000 }) {
  const logFile = join(workDir, "server.log");
  const out = openSync(logFile, "w");
  const env = { ...process.env, FINWRIGHT_DEMO_PASSWORD: password, LOG_LEVEL: logLevel };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [...nodeArgs, CLI, "start", "--demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", join(workDir, "data")], {
    cwd: workDir, env, stdio: ["ignore", out, "pipe"],
  });
  closeSync(out);
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let exitedEarly;
  void exited.then((e) => { exitedEarly = e; });

  const deadline = Date.now() + timeoutMs;
  let url;
  while (url === undefined) {
    if (exitedEarly) throw new Error(`the server exited (${exitedEarly.code ?? exitedEarly.signal}) before listening:\n${stderr}${readFileSync(logFile, "utf8")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not print its URL within ${timeoutMs / 1000} s`);
    }
    const match = /Finwright is running at (http:\/\/\S+)/.exec(readFileSync(logFile, "utf8"));
    if (match) url = match[1];
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
    child.kill("SIGKILL");
    throw new Error(`refusing to load a non-loopback URL: ${url}`);
  }
  return {
    url,
    pid: child.pid,
    logFile,
    async stop() {
      if (!exitedEarly) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, stderr };
    },
  };
}
