import type { Database } from "../../../db/database.types.js";
import { createServer, type ServerConfig } from "../../../http/create-server.js";
import { listenOnEphemeralPort, silentLogger, type ListeningApp } from "../../../http/testing/listen.test-support.js";
import { seedDemoWorkspace } from "../../workspaces/seed-demo-workspace.js";
import { addMembership, createUser, createWorkspace } from "../../workspaces/workspace-service.js";
import type { ScryptParameters } from "../password-hash.js";

/** scrypt at its lowest supported cost: the tests exercise the logic, not the work factor. */
export const TEST_SCRYPT: ScryptParameters = { logN: 10, r: 8, p: 1 };
/** The demo users' password in tests. */
export const DEMO_TEST_PASSWORD = "tidal-quartz-lantern-47";

/** A clock the test moves by hand (sessions, throttling), starting at a fixed time. */
export class TestClock {
  #time: number;
  constructor(start = Date.parse("2025-03-01T09:00:00.000Z")) {
    this.#time = start;
  }
  readonly now = (): Date => new Date(this.#time);
  advance(ms: number): void {
    this.#time += ms;
  }
}

/** The real server (createServer) on an ephemeral loopback port, on the test's database. */
export function listenWithServer(database: Database, config: Omit<ServerConfig, "database"> = {}): Promise<ListeningApp> {
  return listenOnEphemeralPort(createServer({ logger: silentLogger(), ...config, database }));
}

/** The demo workspace with cheap hashes and DEMO_TEST_PASSWORD. */
export async function seedTestDemo(database: Database, at?: Date): Promise<void> {
  const seeded = await seedDemoWorkspace(database, { password: DEMO_TEST_PASSWORD, passwordHashing: TEST_SCRYPT, at });
  if (!seeded.created) throw new Error("seedTestDemo needs an empty database.");
}

/** A second workspace `other` with an admin `other-admin`, for isolation tests. */
export async function seedOtherWorkspace(database: Database): Promise<{ workspaceId: string; userId: string }> {
  const workspace = await createWorkspace(database, { slug: "other", name: "Other bank" });
  const user = await createUser(database, { username: "other-admin", displayName: "Other admin", password: DEMO_TEST_PASSWORD }, { passwordHashing: TEST_SCRYPT });
  await addMembership(database, workspace.id, user.id, ["admin"]);
  return { workspaceId: workspace.id, userId: user.id };
}
