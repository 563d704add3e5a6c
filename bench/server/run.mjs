// Benchmark of the HTTP server: authenticated GET and PUT of a 200-node app's
// draft against an unauthenticated /healthz baseline, on PGlite and (with
// DATABASE_URL) on PostgreSQL. See bench/README.md, or run with --help.
//
// The server runs in a child process (`finwright start --demo`); this process
// is the load generator. Loopback only, bounded duration, stops by itself.
// Exit codes: 0 measured (whether or not the goal is met), 1 failed, 2 usage.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { validate } from "@finwright/schemas";
import { builtinManifests } from "@finwright/components/manifests";
import { countNodes, generateDefinition } from "../validate/generate.mjs";
import { runScenario } from "./load.mjs";
import { renderMarkdown, renderTable } from "./report.mjs";
import { startServerProcess } from "./server-process.mjs";
import { prepareWorkload } from "./setup.mjs";

/** The goal from issue 3: on PostgreSQL, ≥ 1,500 authenticated GET/s with p99 ≤ 20 ms on 2 cores. */
export const GOAL = { engine: "postgres", scenario: "get", minReqPerSec: 1500, maxP99Ms: 20 };
const NODES = 200;

const USAGE = `Usage: node bench/server/run.mjs [options]

Starts the server in a child process (PGlite in a fresh temporary folder; and,
when DATABASE_URL is set, PostgreSQL in a fresh schema that is dropped after),
then measures from this process, over keep-alive connections to 127.0.0.1:
  healthz  GET /healthz (no auth, no database: the baseline)
  get      GET /api/v1/apps/:id of a ${NODES}-node app, with a bearer API token
  put      PUT /api/v1/apps/:id (the draft) with If-Match, each connection on its own app
Writes bench/results/server.md and bench/results/server.json.

Options:
  --duration S      measured seconds per scenario (default 5, 1..60)
  --warmup S        unmeasured seconds before each scenario (default 1, 0..30)
  --connections N   concurrent keep-alive connections (default 16, 1..256)
  --engines LIST    pglite,postgres (default: pglite, plus postgres when DATABASE_URL is set)
  --log-level L     the server's LOG_LEVEL (default info, as in production: one line per request)
  --cpu-prof DIR    run the server child under node --cpu-prof, profiles written to DIR
  --json            print the raw results as JSON instead of the table
  --help            show this help

Exit codes: 0 measured (whether or not the goal is met), 1 failed, 2 usage error.
`;

class UsageError extends Error {}

function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        duration: { type: "string" }, warmup: { type: "string" }, connections: { type: "string" }, engines: { type: "string" },
        "log-level": { type: "string" }, "cpu-prof": { type: "string" },
        json: { type: "boolean", default: false }, help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  const num = (name, fallback, min, max) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, not '${raw}'`);
    return Number(raw);
  };
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const engines = values.engines === undefined ? (databaseUrl ? ["pglite", "postgres"] : ["pglite"]) : values.engines.split(",").map((e) => e.trim());
  for (const engine of engines) if (engine !== "pglite" && engine !== "postgres") throw new UsageError(`--engines: unknown engine '${engine}' (pglite, postgres)`);
  if (engines.includes("postgres") && !databaseUrl) throw new UsageError("--engines postgres needs DATABASE_URL");
  const logLevel = values["log-level"] ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) throw new UsageError(`--log-level: unknown level '${logLevel}'`);
  return {
    help: values.help, json: values.json, engines, databaseUrl, logLevel, cpuProf: values["cpu-prof"],
    durationMs: num("duration", 5, 1, 60) * 1000, warmupMs: num("warmup", 1, 0, 30) * 1000, connections: Math.round(num("connections", 16, 1, 256)),
  };
}

/** A fresh schema for this run: the URL gets `options=-c search_path=<schema>`; drop() removes it. */
async function freshSchema(databaseUrl) {
  const schema = `bench_server_${randomBytes(6).toString("hex")}`;
  const url = new URL(databaseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`DATABASE_URL must point at this machine (loopback), not ${url.hostname}`);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    schema, url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

function definitionFor(base, index) {
  // Each app needs its own id (the slug is unique in a workspace); nothing else changes.
  return { ...base, id: index === 0 ? base.id : `${base.id}-${index}`, name: index === 0 ? base.name : `${base.name} ${index}` };
}

/** CPU seconds (user + system) used so far by process `pid`, from /proc (Linux); undefined elsewhere. */
function processCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** Runs a scenario and adds the CPU the server child and this load generator used during it (cores busy on average). */
async function measured(serverPid, scenario) {
  const wall0 = performance.now();
  const server0 = processCpuSeconds(serverPid);
  const self0 = process.cpuUsage();
  const result = await runScenario(scenario);
  const wallS = (performance.now() - wall0) / 1000;
  const self = process.cpuUsage(self0);
  const server1 = processCpuSeconds(serverPid);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    ...result,
    cpuCores: {
      server: server0 === undefined || server1 === undefined ? null : round((server1 - server0) / wallS),
      loadGenerator: round((self.user + self.system) / 1e6 / wallS),
    },
  };
}

async function benchEngine(engine, options, definition, log) {
  const workDir = mkdtempSync(join(os.tmpdir(), `finwright-bench-${engine}-`));
  const password = `bench-${randomBytes(12).toString("base64url")}`;
  let schema;
  let server;
  try {
    if (engine === "postgres") schema = await freshSchema(options.databaseUrl);
    const nodeArgs = options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`, `--cpu-prof-name=server-${engine}.cpuprofile`] : [];
    const started = performance.now();
    server = await startServerProcess({ workDir, databaseUrl: schema?.url, password, logLevel: options.logLevel, nodeArgs });
    log(`${engine}: server (pid ${server.pid}) at ${server.url} after ${Math.round(performance.now() - started)} ms`);
    const work = await prepareWorkload(server.url, { password, appCount: options.connections, definitionFor: (i) => definitionFor(definition, i) });
    const app = work.apps[0];
    const common = { base: server.url, connections: options.connections, warmupMs: options.warmupMs, durationMs: options.durationMs };
    const scenarios = {};
    log(`${engine}: healthz`);
    scenarios.healthz = await measured(server.pid, { ...common, makeRequest: () => ({ path: "/healthz" }) });
    log(`${engine}: get`);
    scenarios.get = await measured(server.pid, { ...common, makeRequest: () => ({ path: `/api/v1/apps/${app.id}`, headers: work.auth }) });
    // PUT: connection i saves the draft of its own app i with the ETag of its own last answer.
    const etags = work.apps.map((a) => a.etag);
    const putHeaders = { ...work.auth, "content-type": "application/json" };
    log(`${engine}: put`);
    scenarios.put = await measured(server.pid, {
      ...common,
      makeRequest: (i) => ({ method: "PUT", path: `/api/v1/apps/${work.apps[i].id}`, headers: { ...putHeaders, "if-match": etags[i] }, body: work.apps[i].body }),
      onResponse: (i, res) => { if (res.status === 200 && typeof res.headers.etag === "string") etags[i] = res.headers.etag; },
    });
    return { engine, storage: engine === "postgres" ? "PostgreSQL (fresh schema, dropped after)" : "PGlite (fresh temporary data folder)", getBytes: work.getBytes, putBytes: work.putBytes, scenarios };
  } finally {
    if (server) {
      const stopped = await server.stop();
      if (stopped.code !== 0) log(`${engine}: the server stopped with ${stopped.code ?? stopped.signal}${stopped.stderr ? `: ${stopped.stderr}` : ""}`);
    }
    if (schema) await schema.drop().catch((error) => log(`could not drop schema ${schema.schema}: ${error.message}`));
    rmSync(workDir, { recursive: true, force: true });
  }
}

function environment() {
  const cpus = os.cpus();
  return {
    node: process.version, platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, availableParallelism: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
  };
}

export function goalVerdict(results) {
  const pgRun = results.find((r) => r.engine === GOAL.engine);
  if (!pgRun) return { measured: false };
  const get = pgRun.scenarios[GOAL.scenario];
  const cleanRun = get.errors === 0 && get.nonOk === 0;
  const throughputMet = get.okPerSec >= GOAL.minReqPerSec;
  const latencyMet = get.latencyMs.p99 <= GOAL.maxP99Ms;
  return { measured: true, okPerSec: get.okPerSec, p99Ms: get.latencyMs.p99, throughputMet, latencyMet, cleanRun, met: throughputMet && latencyMet && cleanRun };
}

async function main(argv) {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench/server: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const log = options.json ? (line) => process.stderr.write(`${line}\n`) : (line) => process.stdout.write(`${line}\n`);
  const definition = generateDefinition({ nodes: NODES });
  const { valid, problems } = validate(definition, { manifests: builtinManifests });
  if (!valid || problems.length > 0) {
    process.stderr.write(`bench/server: the generated ${NODES}-node app does not validate:\n${problems.map((p) => `  ${p.code} ${p.path ?? p.pointer ?? ""} ${p.message}`).join("\n")}\n`);
    return 1;
  }
  if (options.cpuProf) mkdirSync(options.cpuProf, { recursive: true });
  const results = [];
  for (const engine of options.engines) results.push(await benchEngine(engine, options, definition, log));
  const report = {
    date: new Date().toISOString(),
    options: { durationS: options.durationMs / 1000, warmupS: options.warmupMs / 1000, connections: options.connections, engines: options.engines, serverLogLevel: options.logLevel, cpuProf: Boolean(options.cpuProf) },
    environment: environment(),
    fixture: { nodes: countNodes(definition), definitionBytes: Buffer.byteLength(JSON.stringify(definition)) },
    goal: GOAL,
    verdict: goalVerdict(results),
    results,
  };
  const resultsDir = new URL("../results/", import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL("server.json", resultsDir), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(new URL("server.md", resultsDir), renderMarkdown(report));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${renderTable(report)}\nWrote bench/results/server.md and server.json.\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench/server: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
}
