import type { Database, Queryable } from "../../db/database.types.js";
import { appendAudit } from "../audit/append-audit.js";
import { DEFAULT_SCRYPT, hashPassword, type ScryptParameters } from "../auth/password-hash.js";
import { checkPasswordPolicy } from "../auth/password-policy.js";
import { readablePassword } from "./demo-password.js";
import { IdentityError } from "./identity-error.js";
import { insertUser, insertWorkspace, upsertMembership } from "./workspace-records.js";

/** The demo workspace and its users, one per role (issue 3, "Start and storage"). */
export const DEMO_WORKSPACE = { slug: "demo", name: "Demo bank" } as const;

export const DEMO_USERS = [
  { username: "admin", displayName: "Demo admin", roles: ["admin"] },
  { username: "builder", displayName: "Demo builder", roles: ["builder"] },
  { username: "developer", displayName: "Demo developer", roles: ["developer"] },
  { username: "maker", displayName: "Demo maker", roles: ["viewer", "maker"] },
  { username: "checker", displayName: "Demo checker", roles: ["approver", "checker"] },
  { username: "viewer", displayName: "Demo viewer", roles: ["viewer"] },
] as const;

export interface SeedDemoOptions {
  /** The demo users' password (FINWRIGHT_DEMO_PASSWORD); when absent a random one is made and returned. */
  readonly password?: string | undefined;
  /** scrypt cost; the default suits production (tests lower it to stay fast). */
  readonly passwordHashing?: ScryptParameters | undefined;
  readonly at?: Date | undefined;
}

export interface SeedDemoResult {
  /** false when the database already had a workspace or user: nothing was changed. */
  readonly created: boolean;
  /** The demo password, only when this call created the users and generated it: print it once, it is stored nowhere else. */
  readonly password?: string;
}

/** Second half of the lock key is the schema's name hash, as for migrations. */
const SEED_LOCK_CLASS = 0x46_57_44_4d; // "FWDM"

/**
 * On an empty database (no workspace, no user) creates the demo workspace and
 * its six users, in one transaction. Idempotent, and safe when several
 * instances start at once: an advisory lock serialises the seeders, the
 * emptiness check is repeated under it, and the unique slug stops a second
 * demo workspace even without the lock.
 */
export async function seedDemoWorkspace(db: Database, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  if (!(await isEmpty(db))) return { created: false };
  const generated = options.password === undefined;
  const password = options.password ?? readablePassword();
  for (const { username } of DEMO_USERS) {
    const problems = checkPasswordPolicy(password, username);
    if (problems.length > 0) throw new IdentityError("weak-password", `The demo password is refused: ${problems.join(" ")}`);
  }
  // Hashed before the transaction, so the lock is not held through ~0.5 s of scrypt. One salt per user.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password, options.passwordHashing ?? DEFAULT_SCRYPT)));
  const context = { actor: "system", at: options.at };
  const created = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [SEED_LOCK_CLASS]);
    if (!(await isEmpty(tx))) return false;
    const workspace = await insertWorkspace(tx, DEMO_WORKSPACE.slug, DEMO_WORKSPACE.name, context);
    for (const [index, user] of DEMO_USERS.entries()) {
      const { id } = await insertUser(tx, user.username, user.displayName, hashes[index]!, context);
      await upsertMembership(tx, workspace.id, id, user.roles, context);
    }
    await appendAudit(tx, {
      ...context,
      workspaceId: workspace.id,
      action: "demo.seeded",
      target: `workspace:${workspace.id}`,
      summary: { users: DEMO_USERS.map((user) => user.username), passwordGenerated: generated },
    });
    return true;
  });
  if (!created) return { created: false };
  return generated ? { created: true, password } : { created: true };
}

async function isEmpty(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM workspaces) AND NOT EXISTS (SELECT 1 FROM users) AS empty");
  return rows[0]?.empty === true;
}
