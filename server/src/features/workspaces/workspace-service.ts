import type { Database, Queryable } from "../../db/database.types.js";
import { DEFAULT_SCRYPT, hashPassword } from "../auth/password-hash.js";
import { checkPasswordPolicy } from "../auth/password-policy.js";
import { IdentityError, USERNAME, WORKSPACE_SLUG, isUuid, requireName, requireRoles } from "./identity-error.js";
import type { ChangeContext, CreateUserOptions, User, Workspace } from "./identity.types.js";
import { insertUser, insertWorkspace, upsertMembership } from "./workspace-records.js";

/**
 * Workspaces (tenants), users and their memberships, for the CLI
 * (`finwright user create`), demo seeding and later the admin API. Each
 * function runs one transaction and writes its audit entry in it. Refusals
 * are IdentityErrors with a message to show as is.
 */

export interface NewWorkspace {
  /** Lower-case letters, digits and '-', e.g. `acme-bank`. */
  readonly slug: string;
  readonly name: string;
}

export interface NewUser {
  /** Stored lower-case: `Alice` and `alice` are one user. */
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

export async function createWorkspace(db: Database, input: NewWorkspace, context: ChangeContext = {}): Promise<Workspace> {
  const slug = input.slug.trim();
  if (!WORKSPACE_SLUG.test(slug)) {
    throw new IdentityError("invalid-input", `The workspace slug '${input.slug}' is invalid: use 1 to 63 lower-case letters, digits or '-', starting with a letter or digit (e.g. acme-bank).`);
  }
  const name = requireName("workspace name", input.name);
  return db.transaction((tx) => insertWorkspace(tx, slug, name, context));
}

/** Checks the username and the password policy, hashes the password, then inserts. */
export async function createUser(db: Database, input: NewUser, options: CreateUserOptions = {}): Promise<User> {
  const username = normaliseUsername(input.username);
  const displayName = requireName("display name", input.displayName);
  const problems = checkPasswordPolicy(input.password, username);
  if (problems.length > 0) throw new IdentityError("weak-password", problems.join(" "));
  const passwordHash = await hashPassword(input.password, options.passwordHashing ?? DEFAULT_SCRYPT);
  return db.transaction((tx) => insertUser(tx, username, displayName, passwordHash, options));
}

/** Gives the user these roles in the workspace (replacing any roles held there before). */
export async function addMembership(db: Database, workspaceId: string, userId: string, roles: readonly string[], context: ChangeContext = {}): Promise<void> {
  if (!isUuid(workspaceId)) throw new IdentityError("not-found", `There is no workspace with the id '${workspaceId}'.`);
  if (!isUuid(userId)) throw new IdentityError("not-found", `There is no user with the id '${userId}'.`);
  const checked = requireRoles(roles);
  await db.transaction((tx) => upsertMembership(tx, workspaceId, userId, checked, context));
}

export async function findWorkspaceBySlug(db: Queryable, slug: string): Promise<Workspace | undefined> {
  const { rows } = await db.query<Workspace>("SELECT id, slug, name FROM workspaces WHERE slug = $1", [slug.trim()]);
  return rows[0];
}

export async function findUserByUsername(db: Queryable, username: string): Promise<User | undefined> {
  const { rows } = await db.query<{ id: string; username: string; display_name: string }>(
    "SELECT id, username, display_name FROM users WHERE username = $1",
    [username.trim().toLowerCase()],
  );
  const row = rows[0];
  return row && { id: row.id, username: row.username, displayName: row.display_name };
}

export function normaliseUsername(username: string): string {
  const normalised = username.trim().toLowerCase();
  if (!USERNAME.test(normalised)) {
    throw new IdentityError("invalid-input", `The username '${username}' is invalid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.`);
  }
  return normalised;
}
