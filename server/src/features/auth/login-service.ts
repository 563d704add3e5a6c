import type { Database, Queryable } from "../../db/database.types.js";
import { appendAudit } from "../audit/append-audit.js";
import { USERNAME } from "../workspaces/identity-error.js";
import type { User, Workspace } from "../workspaces/identity.types.js";
import type { AuthSettings } from "./auth-settings.js";
import { clearAccountFailures, countAttempt, pruneOldFailures, throttleKeys, uncountAttempt } from "./login-throttle.js";
import { verifyAgainstDummy, verifyPassword } from "./password-hash.js";
import { insertSession, type NewSession } from "./session-store.js";

export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  /** The workspace slug; when absent, the user's first workspace (by creation). */
  readonly workspace?: string | undefined;
  readonly ip: string;
  readonly requestId: string;
}

export type LoginOutcome =
  | { readonly kind: "signed-in"; readonly session: NewSession; readonly user: User; readonly workspace: Workspace; readonly roles: readonly string[] }
  | { readonly kind: "failed" }
  | { readonly kind: "throttled"; readonly retryAfterSeconds: number };

interface Candidate {
  readonly user: User;
  readonly passwordHash: string;
  readonly disabled: boolean;
  /** Undefined when the user is not a member of the requested (or any) workspace. */
  readonly membership: { readonly workspace: Workspace; readonly roles: readonly string[] } | undefined;
}

/**
 * Checks a username and password and, when they are right, opens a new
 * session (a fresh token on every sign-in: no session fixation). Unknown
 * user, wrong password, disabled account and missing membership all give the
 * same "failed", after the same scrypt work.
 */
export async function attemptLogin(db: Database, settings: AuthSettings, attempt: LoginAttempt): Promise<LoginOutcome> {
  const now = settings.now();
  const username = attempt.username.trim().toLowerCase();
  const keys = throttleKeys(username, attempt.ip);
  const retryAfterSeconds = await countAttempt(db, keys, now, settings.loginThrottle);
  if (retryAfterSeconds !== undefined) return { kind: "throttled", retryAfterSeconds };

  const candidate = USERNAME.test(username) ? await findCandidate(db, username, attempt.workspace) : undefined;
  const passwordRight = candidate ? await verifyPassword(attempt.password, candidate.passwordHash) : await verifyAgainstDummy(attempt.password);
  const audit = { actor: "anonymous", requestId: attempt.requestId, at: now };

  if (!candidate || !passwordRight || candidate.disabled || !candidate.membership) {
    const reason = !candidate ? "unknown user" : !passwordRight ? "wrong password" : candidate.disabled ? "user disabled" : "not a member";
    await db.transaction(async (tx) => {
      await pruneOldFailures(tx, keys, now, settings.loginThrottle.windowMs);
      await appendAudit(tx, {
        ...audit,
        workspaceId: candidate?.membership?.workspace.id ?? null,
        action: "auth.login_failed",
        target: candidate ? `user:${candidate.user.id}` : null,
        // The attempted name only when it could be one: people type passwords into the username field.
        summary: { username: candidate ? username : null, ip: attempt.ip, reason },
      });
    });
    return { kind: "failed" };
  }

  const { user, membership } = candidate;
  const session = await db.transaction(async (tx) => {
    await clearAccountFailures(tx, keys);
    await uncountAttempt(tx, keys, now, { account: false });
    const opened = await insertSession(tx, user.id, membership.workspace.id, now, settings.sessionLifetime);
    await appendAudit(tx, { ...audit, actor: `user:${user.id}`, workspaceId: membership.workspace.id, action: "auth.login", target: `user:${user.id}`, summary: { ip: attempt.ip, expiresAt: opened.expiresAt.toISOString() } });
    return opened;
  });
  return { kind: "signed-in", session, user, workspace: membership.workspace, roles: membership.roles };
}

interface CandidateRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: boolean;
  workspace_id: string | null;
  slug: string | null;
  name: string | null;
  roles: string[] | null;
}

async function findCandidate(db: Queryable, username: string, workspaceSlug: string | undefined): Promise<Candidate | undefined> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT u.id, u.username, u.display_name, u.password_hash, u.disabled_at IS NOT NULL AS disabled,
            w.id AS workspace_id, w.slug, w.name, m.roles
       FROM users u
       LEFT JOIN LATERAL (
         SELECT mw.id, mw.slug, mw.name, mw.created_at FROM memberships mm JOIN workspaces mw ON mw.id = mm.workspace_id
          WHERE mm.user_id = u.id AND ($2::text IS NULL OR mw.slug = $2)
          ORDER BY mw.created_at, mw.slug LIMIT 1
       ) w ON true
       LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = w.id
      WHERE u.username = $1`,
    [username, workspaceSlug ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: { id: row.id, username: row.username, displayName: row.display_name },
    passwordHash: row.password_hash,
    disabled: row.disabled,
    membership: row.workspace_id !== null && row.slug !== null && row.name !== null && row.roles !== null
      ? { workspace: { id: row.workspace_id, slug: row.slug, name: row.name }, roles: row.roles }
      : undefined,
  };
}
