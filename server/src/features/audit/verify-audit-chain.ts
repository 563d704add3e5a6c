import type { Queryable } from "../../db/database.types.js";
import { chainHash, type AuditEntryContent } from "./audit-entry.js";

export interface BrokenAuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
}

export type AuditChainReport =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string | null }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: BrokenAuditEntry; readonly reason: string };

interface AuditRow {
  id: string;
  at: Date;
  workspace_id: string | null;
  actor: string;
  action: string;
  target: string | null;
  request_id: string | null;
  summary: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

const BATCH = 1_000;

/**
 * Walks the whole audit log in id order and recomputes the chain: each row's
 * prev_hash must be the previous row's hash, and its hash must match its
 * content. Detects any edited row and any removed, inserted or reordered
 * entry before the last; removing the newest entries leaves a shorter valid
 * chain, which only an externally kept last hash (`lastHash`) reveals.
 * `entries` counts the rows that checked out.
 */
export async function verifyAuditChain(db: Queryable): Promise<AuditChainReport> {
  let previousHash: string | null = null;
  let entries = 0;
  let afterId = "0";
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      "SELECT id, at, workspace_id, actor, action, target, request_id, summary, prev_hash, hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
      [afterId, BATCH],
    );
    for (const row of rows) {
      const content = contentOf(row);
      if (row.prev_hash !== previousHash) {
        const reason = previousHash === null
          ? "The first entry of the log points to an earlier entry: entries before it were removed."
          : "Its prev_hash is not the hash of the entry before it: an entry was removed, inserted or reordered here.";
        return { ok: false, entries, brokenAt: brokenEntry(row, content), reason };
      }
      if (chainHash(previousHash, content) !== row.hash) {
        return { ok: false, entries, brokenAt: brokenEntry(row, content), reason: "Its content does not match its hash: the entry was altered after it was written." };
      }
      previousHash = row.hash;
      entries += 1;
    }
    if (rows.length < BATCH) return { ok: true, entries, lastHash: previousHash };
    afterId = rows.at(-1)!.id;
  }
}

function contentOf(row: AuditRow): AuditEntryContent {
  return {
    at: row.at.toISOString(),
    workspaceId: row.workspace_id,
    actor: row.actor,
    action: row.action,
    target: row.target,
    requestId: row.request_id,
    summary: row.summary,
  };
}

function brokenEntry(row: AuditRow, content: AuditEntryContent): BrokenAuditEntry {
  return { id: row.id, at: content.at, actor: row.actor, action: row.action, target: row.target };
}
