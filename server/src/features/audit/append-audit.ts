import type { Queryable } from "../../db/database.types.js";
import { chainHash, type AuditEntryContent } from "./audit-entry.js";

export interface AuditAppend {
  readonly workspaceId: string | null;
  readonly actor: string;
  readonly action: string;
  readonly target?: string | null | undefined;
  readonly requestId?: string | null | undefined;
  readonly summary?: Readonly<Record<string, unknown>> | undefined;
  /** When it happened; defaults to now (tests pass their clock's time). */
  readonly at?: Date | undefined;
}

/** First half of the advisory-lock key (the second is the schema's name hash), like the migrations' lock. */
const AUDIT_LOCK_CLASS = 0x46_57_41_55; // "FWAU"

/**
 * Appends one entry to the hash chain, inside the caller's transaction so it
 * commits or rolls back with the change it records. The advisory lock
 * serialises appends across every server instance sharing the database until
 * this transaction ends: append as the transaction's last step, so the lock
 * is held briefly.
 */
export async function appendAudit(tx: Queryable, append: AuditAppend): Promise<{ id: string; hash: string }> {
  const entry: AuditEntryContent = {
    at: (append.at ?? new Date()).toISOString(),
    workspaceId: append.workspaceId?.toLowerCase() ?? null, // as a uuid column reads back
    actor: append.actor,
    action: append.action,
    target: append.target ?? null,
    requestId: append.requestId ?? null,
    summary: asStoredJson(append.summary ?? {}),
  };
  await tx.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [AUDIT_LOCK_CLASS]);
  const last = await tx.query<{ hash: string }>("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  const previousHash = last.rows[0]?.hash ?? null;
  const hash = chainHash(previousHash, entry);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO audit_log (at, workspace_id, actor, action, target, request_id, summary, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [entry.at, entry.workspaceId, entry.actor, entry.action, entry.target, entry.requestId, JSON.stringify(entry.summary), previousHash, hash],
  );
  return { id: inserted.rows[0]!.id, hash };
}

/**
 * The summary as jsonb will give it back (undefined fields dropped, NUL
 * characters, which jsonb refuses, replaced), so the hash computed now equals
 * the one verify computes from the row.
 */
function asStoredJson(summary: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(summary).replaceAll("\\u0000", "\\ufffd")) as Record<string, unknown>;
}
