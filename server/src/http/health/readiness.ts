import type { Database } from "../../db/database.types.js";

/** How long /readyz waits for the database before calling it unreachable. */
export const READINESS_PING_TIMEOUT_MS = 2_000;

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

/** Whether the database answers within the timeout; a ping that throws counts as no answer. */
async function databaseAnswers(database: Database, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([database.ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ready when startup (migrations) is done and the database answers. */
export async function checkReadiness(database: Database, isReady: () => boolean, timeoutMs = READINESS_PING_TIMEOUT_MS): Promise<Readiness> {
  if (!isReady()) return { ready: false, reason: "The server is still starting: database migrations have not finished." };
  if (!(await databaseAnswers(database, timeoutMs))) return { ready: false, reason: "The database does not answer." };
  return { ready: true };
}
