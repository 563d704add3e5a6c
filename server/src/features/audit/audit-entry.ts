import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** What an audit entry says, exactly as it is hashed (and as verify rebuilds it from the row). */
export interface AuditEntryContent {
  /** ISO 8601 with milliseconds, UTC: the form a timestamptz read back as a Date gives again. */
  readonly at: string;
  readonly workspaceId: string | null;
  /** `user:<id>`, `token:<id>`, `anonymous` or `system`. */
  readonly actor: string;
  /** `<area>.<verb>`, e.g. `auth.login`, `token.created`. */
  readonly action: string;
  /** What was acted on, e.g. `user:<id>`, `token:<id>`; null when nothing in particular. */
  readonly target: string | null;
  readonly requestId: string | null;
  /** What changed; never secrets. */
  readonly summary: Readonly<Record<string, unknown>>;
}

/** hash = sha256(previous hash, or "" for the first entry, + canonical JSON of the entry), hex. */
export function chainHash(previousHash: string | null, entry: AuditEntryContent): string {
  return createHash("sha256")
    .update(previousHash ?? "", "utf8")
    .update(canonicalJson(entry), "utf8")
    .digest("hex");
}

/** The actor string of a principal, for the `actor` column. */
export function actorOf(principal: { readonly via: "session" | "token"; readonly userId: string; readonly subject: string }): string {
  return principal.via === "token" ? `token:${principal.subject}` : `user:${principal.userId}`;
}
