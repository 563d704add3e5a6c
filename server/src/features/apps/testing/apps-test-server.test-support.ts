import type { Database } from "../../../db/database.types.js";
import type { TestEngine } from "../../../db/testing/test-databases.test-support.js";
import type { ListeningApp } from "../../../http/testing/listen.test-support.js";
import { listenWithServer, seedOtherWorkspace, seedTestDemo } from "../../auth/testing/auth-test-server.test-support.js";
import { call, signIn, type CallOptions, type SignedIn } from "../../auth/testing/http-client.test-support.js";

/** The demo users the app tests act as, plus the admin of another workspace. */
export type AppTestUser = "admin" | "builder" | "developer" | "viewer" | "maker" | "checker" | "other-admin";

export interface AppsTestServer {
  readonly db: Database;
  readonly url: string;
  readonly users: Readonly<Record<AppTestUser, SignedIn>>;
  /** One request as `user`. */
  call(user: AppTestUser | undefined, method: string, path: string, options?: Omit<CallOptions, "as">): Promise<Response>;
  close(): Promise<void>;
}

/** The real server on a fresh database of `engine`, with the demo workspace and another one, everyone signed in. */
export async function startAppsTestServer(engine: TestEngine): Promise<AppsTestServer> {
  const db = await engine.open();
  let server: ListeningApp | undefined;
  try {
    await seedTestDemo(db);
    await seedOtherWorkspace(db);
    server = await listenWithServer(db);
    const url = server.url;
    const names: AppTestUser[] = ["admin", "builder", "developer", "viewer", "maker", "checker", "other-admin"];
    const users = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await signIn(url, name)] as const))) as Record<AppTestUser, SignedIn>;
    const running = server;
    return {
      db,
      url,
      users,
      call: (user, method, path, options = {}) => call(url, method, path, { ...options, as: user === undefined ? undefined : users[user] }),
      close: async () => {
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    await server?.close();
    await db.close();
    throw error;
  }
}

/** A small valid definition: one page with a heading-less stack and a text. */
export function sampleDefinition(overrides: { id?: string; name?: string; text?: string } = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: overrides.id ?? "payments-overview",
    name: overrides.name ?? "Payments overview",
    pages: [
      {
        id: "home",
        path: "/",
        title: "Home",
        root: { id: "root", type: "Stack", children: [{ id: "greeting", type: "Text", props: { value: overrides.text ?? "Hello" } }] },
      },
    ],
  };
}

export interface CreatedApp {
  readonly id: string;
  readonly etag: string;
  readonly body: Record<string, unknown>;
}

/** POST /api/v1/apps as `user`; fails the test unless it answers 201. */
export async function createTestApp(server: AppsTestServer, definition = sampleDefinition(), options: { user?: AppTestUser; requiresFourEyes?: boolean } = {}): Promise<CreatedApp> {
  const body = options.requiresFourEyes === undefined ? { definition } : { definition, requiresFourEyes: options.requiresFourEyes };
  const response = await server.call(options.user ?? "builder", "POST", "/api/v1/apps", { body });
  if (response.status !== 201) throw new Error(`Creating an app answered ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as Record<string, unknown>;
  return { id: String(created["id"]), etag: response.headers.get("etag") ?? "", body: created };
}

/** The number of rows of a table (to prove that nothing was stored). */
export async function countRows(db: Database, table: "apps" | "app_versions" | "publish_requests" | "audit_log"): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

/** The audit actions recorded for an app, oldest first. */
export async function auditActionsOf(db: Database, appId: string): Promise<string[]> {
  const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target = $1 ORDER BY id", [`app:${appId}`]);
  return rows.map((row) => row.action);
}
