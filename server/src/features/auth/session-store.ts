import type { Queryable } from "../../db/database.types.js";
import type { SessionLifetime } from "./auth-settings.js";
import { randomToken, sha256Hex } from "./secret-tokens.js";

/**
 * Sessions in the database, so every instance sees the same ones and logout
 * or expiry takes effect everywhere at once. The row's id is the sha256 of the
 * cookie's token and the CSRF token is stored as its sha256 too: a copy of
 * the table yields neither.
 */

export interface NewSession {
  /** The cookie's value: shown to the browser once, never stored. */
  readonly token: string;
  /** Sent back by the client in x-csrf-token on unsafe requests: returned once, stored hashed. */
  readonly csrfToken: string;
  readonly sessionId: string;
  readonly expiresAt: Date;
}

export async function insertSession(tx: Queryable, userId: string, workspaceId: string, now: Date, lifetime: SessionLifetime): Promise<NewSession> {
  // The user's ended sessions serve no purpose any more: the table does not grow with every sign-in.
  await tx.query(
    "DELETE FROM sessions WHERE user_id = $1 AND (revoked_at IS NOT NULL OR expires_at <= $2 OR last_seen_at <= $3)",
    [userId, now, new Date(now.getTime() - lifetime.idleMs)],
  );
  const token = randomToken();
  const csrfToken = randomToken();
  const sessionId = sha256Hex(token);
  const expiresAt = new Date(now.getTime() + lifetime.absoluteMs);
  await tx.query(
    `INSERT INTO sessions (id, user_id, workspace_id, csrf_token_hash, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [sessionId, userId, workspaceId, sha256Hex(csrfToken), now, expiresAt],
  );
  return { token, csrfToken, sessionId, expiresAt };
}

/** A session with the live roles of its user in its workspace (null when the membership is gone). */
export interface StoredSession {
  readonly id: string;
  readonly userId: string;
  readonly workspaceId: string;
  readonly csrfTokenHash: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly userDisabledAt: Date | null;
  readonly roles: readonly string[] | null;
}

interface SessionRow {
  user_id: string;
  workspace_id: string;
  csrf_token_hash: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  disabled_at: Date | null;
  roles: string[] | null;
}

export async function findSession(db: Queryable, sessionId: string): Promise<StoredSession | undefined> {
  const { rows } = await db.query<SessionRow>(
    `SELECT s.user_id, s.workspace_id, s.csrf_token_hash, s.last_seen_at, s.expires_at, s.revoked_at, u.disabled_at, m.roles
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.id = $1`,
    [sessionId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: sessionId,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    csrfTokenHash: row.csrf_token_hash,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    userDisabledAt: row.disabled_at,
    roles: row.roles,
  };
}

export type SessionState = "valid" | "expired" | "invalid";

/** Expired: past its absolute end or idle too long. Invalid: revoked, user disabled, or no longer a member. */
export function sessionState(session: StoredSession, now: Date, lifetime: SessionLifetime): SessionState {
  if (session.revokedAt !== null || session.userDisabledAt !== null || session.roles === null) return "invalid";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= lifetime.idleMs) return "expired";
  return "valid";
}

export async function touchSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2", [sessionId, now]);
}

/** Ends the session server-side; true when this call ended it (false: it had ended already). */
export async function revokeSession(db: Queryable, sessionId: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query("UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", [sessionId, now]);
  return rowCount > 0;
}
