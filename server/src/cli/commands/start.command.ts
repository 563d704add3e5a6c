import { parseArgs } from "node:util";
import pino from "pino";
import { DataDirLockedError } from "../../db/data-dir-lock.js";
import { seedDemoWorkspace, DEMO_USERS } from "../../features/workspaces/seed-demo-workspace.js";
import { startServer, type RunningServer } from "../../lifecycle/start-server.js";
import { EXIT, UsageError, type CliIo } from "../cli-io.js";
import { withUsageErrors } from "../parse-command-args.js";

export const startHelp = `Usage: finwright start [options]

Runs the Finwright server. Without DATABASE_URL it keeps everything in an
embedded database (PGlite) in the data folder, which only one server may use
at a time; with DATABASE_URL any number of servers share one PostgreSQL.

Options:
  --port <n>         port to listen on (default: PORT or 3000)
  --host <address>   address to listen on (default: HOST or 127.0.0.1)
  --data-dir <dir>   the data folder (default: FINWRIGHT_DATA_DIR or ./.finwright)
  --demo             on an empty database, create the demo workspace and its users
                     (admin, builder, developer, maker, checker, viewer); their password is
                     FINWRIGHT_DEMO_PASSWORD or a random one printed once
  -h, --help         show this help

Environment: PORT, HOST, FINWRIGHT_DATA_DIR, DATABASE_URL, LOG_LEVEL (default info),
FINWRIGHT_TRUST_PROXY=1 behind exactly one reverse proxy.

Stops cleanly on Ctrl+C (SIGINT) or SIGTERM: finishes requests in flight,
closes the database and releases the data folder.
Exit codes: 0 stopped cleanly, 1 could not start, 2 usage error.
`;

/** How the command waits for a stop signal; tests pass their own. */
export interface StartCommandHooks {
  readonly env?: NodeJS.ProcessEnv;
  readonly waitForStop?: () => Promise<void>;
}

export async function startCommand(args: string[], io: CliIo, hooks: StartCommandHooks = {}): Promise<number> {
  const env = hooks.env ?? process.env;
  const { values, positionals } = withUsageErrors("start", () => parseArgs({ args, allowPositionals: true, strict: true, options: {
    port: { type: "string" },
    host: { type: "string" },
    "data-dir": { type: "string" },
    demo: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } }));
  if (values.help) {
    io.out(startHelp);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`finwright start: unexpected argument '${positionals[0]!}'`);
  const port = parsePort(values.port ?? env["PORT"] ?? "3000", values.port === undefined ? "PORT" : "--port");
  const logger = pino({ level: env["LOG_LEVEL"] ?? "info" });
  let running: RunningServer;
  let demo: { created: boolean; password?: string } | undefined;
  try {
    running = await startServer({
      host: values.host ?? env["HOST"] ?? "127.0.0.1",
      port,
      databaseUrl: env["DATABASE_URL"],
      dataDir: values["data-dir"] ?? env["FINWRIGHT_DATA_DIR"] ?? ".finwright",
      logger,
      trustProxy: env["FINWRIGHT_TRUST_PROXY"] === "1",
      prepare: values.demo ? async (database) => void (demo = await seedDemoWorkspace(database, { password: env["FINWRIGHT_DEMO_PASSWORD"] || undefined })) : undefined,
    });
  } catch (error) {
    io.err(`finwright start: ${startFailure(error)}\n`);
    return EXIT.failed;
  }
  io.out(`Finwright is running at ${running.url}\n`);
  io.out(`Storage: ${running.storage}${running.appliedMigrations.length > 0 ? ` (applied migrations ${running.appliedMigrations.join(", ")})` : ""}\n`);
  if (demo) io.out(demoBanner(demo));
  io.out("Press Ctrl+C to stop.\n");
  await (hooks.waitForStop ?? waitForSignal)();
  io.out("Stopping: finishing requests in flight…\n");
  await running.stop();
  io.out("Stopped.\n");
  return EXIT.ok;
}

function demoBanner(demo: { created: boolean; password?: string }): string {
  const users = DEMO_USERS.map((u) => u.username).join(", ");
  if (!demo.created) return "Demo workspace: already set up (users keep their passwords).\n";
  const password = demo.password === undefined ? "the value of FINWRIGHT_DEMO_PASSWORD" : `${demo.password}   <- shown only this once; keep it`;
  return `Demo workspace 'demo' created with users ${users}.\nPassword for all of them: ${password}\n`;
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`finwright start: ${source} must be a port number from 0 to 65535, not '${text}'`);
  return port;
}

function startFailure(error: unknown): string {
  if (error instanceof DataDirLockedError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e.code === "EADDRINUSE") return `the address is already in use (${e.message.replace(/^listen EADDRINUSE: address already in use /, "")}). Choose another --port or stop the other program.`;
  if (e.code === "EACCES") return `not allowed to listen there (${e.message}). Ports below 1024 need privileges; choose another --port.`;
  return e.message;
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function waitForSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const onSignal = (): void => {
      process.once("SIGINT", () => process.exit(1));
      process.once("SIGTERM", () => process.exit(1));
      resolveStop();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
}
