import type { Queryable } from "../../db/database.types.js";
import type { AppRecord } from "./app-record.types.js";
import { toAppRecord } from "./app-records.js";

export interface AppListFilter {
  readonly workspaceId: string;
  /** Words to find in the name or slug (case-insensitive, taken literally: % and _ are not wildcards). */
  readonly search?: string | undefined;
  /** List the deleted apps instead of the live ones. */
  readonly deleted: boolean;
  /** Continue after this app (the previous page's last one). */
  readonly after?: AppListCursor | undefined;
  readonly limit: number;
}

/** Apps are listed by slug, then id (deleted apps may share a slug); the cursor is the last one's pair. */
export interface AppListCursor {
  readonly slug: string;
  readonly id: string;
}

export interface AppListPage {
  readonly apps: AppRecord[];
  readonly nextCursor: AppListCursor | null;
}

/** One page of a workspace's apps; keyset pagination, so pages stay stable while apps are added. */
export async function listApps(db: Queryable, filter: AppListFilter): Promise<AppListPage> {
  const conditions = ["workspace_id = $1", filter.deleted ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"];
  const params: unknown[] = [filter.workspaceId];
  if (filter.search !== undefined) {
    params.push(`%${escapeLike(filter.search)}%`);
    conditions.push(`(name ILIKE $${params.length} OR slug ILIKE $${params.length})`);
  }
  if (filter.after !== undefined) {
    params.push(filter.after.slug, filter.after.id);
    conditions.push(`(slug, id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(filter.limit + 1);
  const { rows } = await db.query<Parameters<typeof toAppRecord>[0]>(
    `SELECT id, slug, name, requires_four_eyes, draft_etag, created_at, created_by, draft_updated_at, draft_updated_by, deleted_at,
       (SELECT max(v.number) FROM app_versions v WHERE v.app_id = apps.id) AS latest_version
     FROM apps WHERE ${conditions.join(" AND ")} ORDER BY slug, id LIMIT $${params.length}`,
    params,
  );
  const apps = rows.slice(0, filter.limit).map(toAppRecord);
  const last = apps.at(-1);
  return { apps, nextCursor: rows.length > filter.limit && last ? { slug: last.slug, id: last.id } : null };
}

/** LIKE's wildcards and its escape character (backslash), taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
