import type { Queryable } from "../../db/database.types.js";
import type { LoginThrottle } from "./auth-settings.js";

/**
 * Login throttling in the database (login_failures), so the counts hold
 * across every server instance. Each attempt is counted *before* its
 * password is checked and uncounted if it succeeds: a burst of parallel
 * guesses cannot all slip past the check while the first ones are hashing.
 */

export interface ThrottleKeys {
  readonly account: string;
  readonly ip: string;
}

export function throttleKeys(username: string, ip: string): ThrottleKeys {
  return { account: `user:${username}`, ip: `ip:${ip}` };
}

/**
 * Records the attempt as a failure, then checks the counts including it.
 * Over a limit: takes the attempt back and answers how many seconds until
 * the oldest failure that keeps the lock ages out. Else undefined.
 */
export async function countAttempt(db: Queryable, keys: ThrottleKeys, now: Date, limits: LoginThrottle): Promise<number | undefined> {
  await db.query("INSERT INTO login_failures (key, failed_at) VALUES ($1, $3), ($2, $3)", [keys.account, keys.ip, now]);
  const since = new Date(now.getTime() - limits.windowMs);
  const { rows } = await db.query<{ account: number; ip: number }>(
    `SELECT (SELECT count(*)::int FROM login_failures WHERE key = $1 AND failed_at > $3) AS account,
            (SELECT count(*)::int FROM login_failures WHERE key = $2 AND failed_at > $3) AS ip`,
    [keys.account, keys.ip, since],
  );
  const counts = rows[0] ?? { account: 0, ip: 0 };
  if (counts.account <= limits.maxAccountFailures && counts.ip <= limits.maxIpFailures) return undefined;
  await uncountAttempt(db, keys, now, { account: true });
  const retryAt = Math.max(
    counts.account > limits.maxAccountFailures ? await lockLiftsAt(db, keys.account, since, limits.maxAccountFailures, limits.windowMs) : 0,
    counts.ip > limits.maxIpFailures ? await lockLiftsAt(db, keys.ip, since, limits.maxIpFailures, limits.windowMs) : 0,
  );
  return Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
}

/**
 * Takes back this attempt's rows: the IP one always, the account one only
 * when `account` (a success clears the account's count altogether instead).
 */
export async function uncountAttempt(db: Queryable, keys: ThrottleKeys, now: Date, { account }: { account: boolean }): Promise<void> {
  const oneRowOf = "ctid = (SELECT ctid FROM login_failures WHERE key = $1 AND failed_at = $2 LIMIT 1)";
  await db.query(`DELETE FROM login_failures WHERE ${oneRowOf}`, [keys.ip, now]);
  if (account) await db.query(`DELETE FROM login_failures WHERE ${oneRowOf}`, [keys.account, now]);
}

/** After a successful sign-in the account starts again from zero; rows past the window go too. */
export async function clearAccountFailures(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.query("DELETE FROM login_failures WHERE key = $1", [keys.account]);
}

/** Rows of a key older than the window no longer count: deleting them keeps the table small. */
export async function pruneOldFailures(db: Queryable, keys: ThrottleKeys, now: Date, windowMs: number): Promise<void> {
  await db.query("DELETE FROM login_failures WHERE key IN ($1, $2) AND failed_at <= $3", [keys.account, keys.ip, new Date(now.getTime() - windowMs)]);
}

/** The lock lifts when the `limit`-th most recent failure leaves the window. */
async function lockLiftsAt(db: Queryable, key: string, since: Date, limit: number, windowMs: number): Promise<number> {
  const { rows } = await db.query<{ failed_at: Date }>(
    "SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $2 ORDER BY failed_at DESC OFFSET $3 LIMIT 1",
    [key, since, limit - 1],
  );
  return (rows[0]?.failed_at.getTime() ?? since.getTime()) + windowMs;
}
