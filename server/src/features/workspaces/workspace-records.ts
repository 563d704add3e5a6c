import type { Queryable } from "../../db/database.types.js";
import { appendAudit } from "../audit/append-audit.js";
import { IdentityError } from "./identity-error.js";
import type { ChangeContext, User, Workspace } from "./identity.types.js";

/**
 * The inserts behind the workspace service, inside a caller's transaction,
 * each with its audit entry. Inputs are already checked (workspace-service.ts).
 */

const SYSTEM = "system";

export async function insertWorkspace(tx: Queryable, slug: string, name: string, context: ChangeContext): Promise<Workspace> {
  const { rows } = await tx.query<Workspace>(
    "INSERT INTO workspaces (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name",
    [slug, name],
  );
  const workspace = rows[0];
  if (!workspace) throw new IdentityError("already-exists", `A workspace with the slug '${slug}' exists already: choose another slug.`);
  await appendAudit(tx, { ...audit(context), workspaceId: workspace.id, action: "workspace.created", target: `workspace:${workspace.id}`, summary: { slug, name } });
  return workspace;
}

export async function insertUser(tx: Queryable, username: string, displayName: string, passwordHash: string, context: ChangeContext): Promise<User> {
  const { rows } = await tx.query<{ id: string; username: string; display_name: string }>(
    "INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING RETURNING id, username, display_name",
    [username, displayName, passwordHash],
  );
  const row = rows[0];
  if (!row) throw new IdentityError("already-exists", `A user named '${username}' exists already: choose another username.`);
  await appendAudit(tx, { ...audit(context), workspaceId: null, action: "user.created", target: `user:${row.id}`, summary: { username, displayName } });
  return { id: row.id, username: row.username, displayName: row.display_name };
}

/** Grants `roles` in the workspace, replacing the roles the user had there. */
export async function upsertMembership(tx: Queryable, workspaceId: string, userId: string, roles: readonly string[], context: ChangeContext): Promise<void> {
  const known = await tx.query<{ workspace: boolean; user: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM workspaces WHERE id = $1) AS workspace, EXISTS (SELECT 1 FROM users WHERE id = $2) AS user",
    [workspaceId, userId],
  );
  if (!known.rows[0]?.workspace) throw new IdentityError("not-found", `There is no workspace with the id '${workspaceId}'.`);
  if (!known.rows[0].user) throw new IdentityError("not-found", `There is no user with the id '${userId}'.`);
  const previous = await tx.query<{ roles: string[] }>("SELECT roles FROM memberships WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE", [workspaceId, userId]);
  await tx.query(
    "INSERT INTO memberships (workspace_id, user_id, roles) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO UPDATE SET roles = EXCLUDED.roles",
    [workspaceId, userId, roles],
  );
  await appendAudit(tx, {
    ...audit(context),
    workspaceId,
    action: "membership.granted",
    target: `user:${userId}`,
    summary: { roles, previousRoles: previous.rows[0]?.roles ?? null },
  });
}

function audit(context: ChangeContext): { actor: string; requestId: string | null; at: Date | undefined } {
  return { actor: context.actor ?? SYSTEM, requestId: context.requestId ?? null, at: context.at };
}
