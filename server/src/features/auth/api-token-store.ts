import type { Queryable } from "../../db/database.types.js";
import { RANDOM_TOKEN, randomToken, sha256Hex } from "./secret-tokens.js";

/**
 * API tokens for automation: `fw_` + 256 random bits (base64url), shown once
 * at creation; the table keeps only the sha256. Scoped to one workspace and
 * to roles the creator held; always with an expiry.
 */
export const API_TOKEN_PREFIX = "fw_";
const API_TOKEN = new RegExp(`^${API_TOKEN_PREFIX}${RANDOM_TOKEN.source.slice(1)}`);

export function isApiTokenShaped(text: string): boolean {
  return API_TOKEN.test(text);
}

export interface ApiTokenView {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  roles: string[];
  user_id: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = "id, name, roles, user_id, created_at, expires_at, last_used_at, revoked_at";

function viewOf(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export interface NewApiToken {
  readonly workspaceId: string;
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly expiresAt: Date;
  readonly now: Date;
}

export async function insertApiToken(tx: Queryable, token: NewApiToken): Promise<{ view: ApiTokenView; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
  const { rows } = await tx.query<TokenRow>(
    `INSERT INTO api_tokens (workspace_id, user_id, name, token_hash, roles, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [token.workspaceId, token.userId, token.name, sha256Hex(secret), token.roles, token.now, token.expiresAt],
  );
  return { view: viewOf(rows[0]!), secret };
}

/** The tokens of a workspace: all of them for its admins (`ownerId` undefined), else one user's own. */
export async function listApiTokens(db: Queryable, workspaceId: string, ownerId: string | undefined): Promise<ApiTokenView[]> {
  const { rows } = await db.query<TokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE workspace_id = $1 AND ($2::uuid IS NULL OR user_id = $2) ORDER BY created_at DESC, id`,
    [workspaceId, ownerId ?? null],
  );
  return rows.map(viewOf);
}

/** Revokes a token of the workspace (of `ownerId` only, unless undefined). "missing" also for other workspaces' tokens. */
export async function revokeApiToken(tx: Queryable, workspaceId: string, tokenId: string, ownerId: string | undefined, now: Date): Promise<"revoked" | "already-revoked" | "missing"> {
  const { rows } = await tx.query<{ revoked_at: Date | null }>(
    "SELECT revoked_at FROM api_tokens WHERE id = $1 AND workspace_id = $2 AND ($3::uuid IS NULL OR user_id = $3) FOR UPDATE",
    [tokenId, workspaceId, ownerId ?? null],
  );
  const row = rows[0];
  if (!row) return "missing";
  if (row.revoked_at !== null) return "already-revoked";
  await tx.query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1", [tokenId, now]);
  return "revoked";
}

/** A usable token: not revoked, not expired, its user enabled and still a member; roles = token roles ∩ the user's current roles. */
export interface ValidApiToken {
  readonly id: string;
  readonly userId: string;
  readonly workspaceId: string;
  readonly roles: readonly string[];
  readonly lastUsedAt: Date | null;
}

export async function findValidApiToken(db: Queryable, secret: string, now: Date): Promise<ValidApiToken | undefined> {
  const { rows } = await db.query<{ id: string; user_id: string; workspace_id: string; roles: string[]; member_roles: string[]; last_used_at: Date | null }>(
    `SELECT t.id, t.user_id, t.workspace_id, t.roles, m.roles AS member_roles, t.last_used_at
       FROM api_tokens t
       JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
       JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
    [sha256Hex(secret), now],
  );
  const row = rows[0];
  if (!row) return undefined;
  // A role taken from the user since the token was made is taken from the token too.
  const roles = row.roles.filter((role) => row.member_roles.includes(role));
  return { id: row.id, userId: row.user_id, workspaceId: row.workspace_id, roles, lastUsedAt: row.last_used_at };
}

export async function touchApiToken(db: Queryable, tokenId: string, now: Date): Promise<void> {
  await db.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)", [tokenId, now]);
}
