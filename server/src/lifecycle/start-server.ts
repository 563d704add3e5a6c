import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Logger } from "pino";
import { acquireDataDirLock, type DataDirLock } from "../db/data-dir-lock.js";
import type { Database } from "../db/database.types.js";
import { runMigrations } from "../db/migrate.js";
import { openDatabase } from "../db/open-database.js";
import { createServer } from "../http/create-server.js";

export interface StartOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** PostgreSQL; when absent, PGlite in dataDir. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly logger?: Logger | undefined;
  readonly trustProxy?: boolean | undefined;
  /** How long in-flight requests may take to finish once shutdown begins. */
  readonly drainTimeoutMs?: number | undefined;
  /** Runs after migrations and before listening (e.g. seeding the demo workspace). */
  readonly prepare?: ((database: Database) => Promise<void>) | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly database: Database;
  /** Where the data lives, in words for the startup banner (never the password of a URL). */
  readonly storage: string;
  readonly appliedMigrations: readonly number[];
  /** Stops accepting, lets in-flight requests finish (bounded), closes the database, releases the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts Finwright: takes the data folder (PGlite), opens the database, applies
 * migrations, then listens. Every step undoes the ones before it if it fails,
 * so a failed start never leaves a lock or an open database behind.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const usePostgres = options.databaseUrl !== undefined && options.databaseUrl !== "";
  const dataDir = resolve(options.dataDir);
  const lock: DataDirLock | undefined = usePostgres ? undefined : acquireDataDirLock(dataDir);
  let database: Database | undefined;
  try {
    database = await openDatabase(usePostgres ? { databaseUrl: options.databaseUrl } : { dataDir });
    const report = await runMigrations(database);
    await options.prepare?.(database);
    const app = createServer({ database, logger: options.logger, trustProxy: options.trustProxy, isReady: () => true });
    const server = await listen(app, options.port, options.host);
    const { port } = server.address() as AddressInfo;
    const db = database;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${formatHost(options.host)}:${port}`,
      database: db,
      storage: usePostgres ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`,
      appliedMigrations: report.applied,
      stop: () => (stopping ??= shutdown(server, db, lock, options.drainTimeoutMs ?? 10_000)),
    };
  } catch (error) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

function listen(app: ReturnType<typeof createServer>, port: number, host: string): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolveListen(server));
    server.once("error", reject);
  });
}

async function shutdown(server: Server, database: Database, lock: DataDirLock | undefined, drainTimeoutMs: number): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  // Keep-alive connections with no request in flight would hold close() open.
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
  await closed;
  clearTimeout(timer);
  try {
    await database.close();
  } finally {
    lock?.release();
  }
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
