import type { Queryable } from "../../db/database.types.js";

export interface AuditFilter {
  readonly workspaceId: string;
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly target?: string | undefined;
  /** Entries at or after this time. */
  readonly from?: Date | undefined;
  /** Entries before this time. */
  readonly to?: Date | undefined;
  /** Entries with an id below this one (the previous page's nextCursor). */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

export interface AuditEntryView {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly requestId: string | null;
  readonly summary: Record<string, unknown>;
  readonly hash: string;
}

export interface AuditPage {
  readonly entries: AuditEntryView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

interface Row {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  request_id: string | null;
  summary: Record<string, unknown>;
  hash: string;
}

/** One page of one workspace's entries, newest first; keyset pagination on the id. */
export async function queryAuditEntries(db: Queryable, filter: AuditFilter): Promise<AuditPage> {
  const conditions = ["workspace_id = $1"];
  const params: unknown[] = [filter.workspaceId];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    conditions.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.actor !== undefined) add("actor = ?", filter.actor);
  if (filter.action !== undefined) add("action = ?", filter.action);
  if (filter.target !== undefined) add("target = ?", filter.target);
  if (filter.from !== undefined) add("at >= ?", filter.from);
  if (filter.to !== undefined) add("at < ?", filter.to);
  if (filter.beforeId !== undefined) add("id < ?", filter.beforeId);
  params.push(filter.limit + 1);
  const { rows } = await db.query<Row>(
    `SELECT id, at, actor, action, target, request_id, summary, hash FROM audit_log WHERE ${conditions.join(" AND ")} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({ id: row.id, at: row.at.toISOString(), actor: row.actor, action: row.action, target: row.target, requestId: row.request_id, summary: row.summary, hash: row.hash })),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
