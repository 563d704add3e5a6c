/**
 * A refused change to users, workspaces or memberships, with a message the
 * person at the CLI or the admin screen can act on.
 */
export type IdentityErrorCode = "invalid-input" | "already-exists" | "not-found" | "weak-password";

export class IdentityError extends Error {
  readonly code: IdentityErrorCode;

  constructor(code: IdentityErrorCode, message: string) {
    super(message);
    this.name = "IdentityError";
    this.code = code;
  }
}

/** The rules the database enforces too (0001_identity_and_audit.sql), checked first for a clear message. */
export const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const ROLE_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

export function requireName(kind: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw new IdentityError("invalid-input", `The ${kind} must have 1 to 200 characters.`);
  return trimmed;
}

export function requireRoles(roles: readonly string[]): string[] {
  const bad = roles.filter((role) => !ROLE_NAME.test(role));
  if (bad.length > 0) {
    throw new IdentityError("invalid-input", `Invalid role name${bad.length > 1 ? "s" : ""} ${bad.map((role) => `'${role}'`).join(", ")}: use lower-case letters, digits, '_' or '-', starting with a letter (e.g. admin, checker).`);
  }
  return [...new Set(roles)];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids: anything else cannot name a row (and would make PostgreSQL raise a syntax error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
