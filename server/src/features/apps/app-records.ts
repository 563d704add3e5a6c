import type { Queryable } from "../../db/database.types.js";
import type { AppRecord, AppWithDraft } from "./app-record.types.js";

/**
 * SQL of the `apps` table. Every statement names the workspace: an app is
 * only ever found through the caller's workspace (another one's is "not found").
 */

interface AppRow {
  id: string;
  slug: string;
  name: string;
  requires_four_eyes: boolean;
  draft_etag: string;
  created_at: Date;
  created_by: string;
  draft_updated_at: Date;
  draft_updated_by: string;
  deleted_at: Date | null;
  latest_version: number | null;
  draft?: Record<string, unknown>;
}

const COLUMNS = `id, slug, name, requires_four_eyes, draft_etag, created_at, created_by, draft_updated_at, draft_updated_by, deleted_at,
  (SELECT max(v.number) FROM app_versions v WHERE v.app_id = apps.id) AS latest_version`;
const WITH_DRAFT = `${COLUMNS}, draft`;

export function toAppRecord(row: AppRow): AppRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    requiresFourEyes: row.requires_four_eyes,
    etag: row.draft_etag,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.draft_updated_at,
    updatedBy: row.draft_updated_by,
    deletedAt: row.deleted_at,
    latestVersion: row.latest_version,
  };
}

function withDraft(row: AppRow): AppWithDraft {
  return { ...toAppRecord(row), draft: row.draft ?? {} };
}

export interface NewApp {
  readonly workspaceId: string;
  readonly slug: string;
  readonly name: string;
  readonly draft: Record<string, unknown>;
  readonly etag: string;
  readonly requiresFourEyes: boolean;
  readonly userId: string;
  readonly now: Date;
}

/** Inserts the app; undefined when an app that is not deleted already has this slug in the workspace. */
export async function insertApp(tx: Queryable, app: NewApp): Promise<AppWithDraft | undefined> {
  const { rows } = await tx.query<AppRow>(
    `INSERT INTO apps (workspace_id, slug, name, draft, draft_etag, draft_updated_at, draft_updated_by, requires_four_eyes, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $6, $7)
     ON CONFLICT (workspace_id, slug) WHERE deleted_at IS NULL DO NOTHING
     RETURNING ${WITH_DRAFT}`,
    [app.workspaceId, app.slug, app.name, JSON.stringify(app.draft), app.etag, app.now, app.userId, app.requiresFourEyes],
  );
  return rows[0] && withDraft(rows[0]);
}

export interface FindOptions {
  /** Find a deleted app instead of a live one (for restore). */
  readonly deleted?: boolean;
  /** SELECT … FOR UPDATE: hold the row until the transaction ends (publish, restore). */
  readonly lock?: boolean;
}

export async function findApp(db: Queryable, workspaceId: string, appId: string, options: FindOptions = {}): Promise<AppWithDraft | undefined> {
  const { rows } = await db.query<AppRow>(
    `SELECT ${WITH_DRAFT} FROM apps WHERE id = $1 AND workspace_id = $2 AND deleted_at IS ${options.deleted ? "NOT NULL" : "NULL"}${options.lock ? " FOR UPDATE" : ""}`,
    [appId, workspaceId],
  );
  return rows[0] && withDraft(rows[0]);
}

export interface DraftReplacement {
  readonly workspaceId: string;
  readonly appId: string;
  readonly name: string;
  readonly draft: Record<string, unknown>;
  readonly etag: string;
  readonly userId: string;
  readonly now: Date;
}

/**
 * Replaces the draft only if its ETag is still one of `ifMatch` and the
 * definition keeps the app's slug: one conditional UPDATE, so of two
 * writers holding the same ETag exactly one wins (PostgreSQL re-checks the
 * WHERE clause on the row the other committed). Undefined when it did not
 * apply; the caller reads the row to say why.
 */
export async function replaceDraftIfCurrent(tx: Queryable, replacement: DraftReplacement, ifMatch: readonly string[], slug: string): Promise<AppWithDraft | undefined> {
  const { rows } = await tx.query<AppRow>(
    `UPDATE apps SET name = $3, draft = $4, draft_etag = $5, draft_updated_at = $6, draft_updated_by = $7
     WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL AND draft_etag = ANY($8::text[]) AND slug = $9
     RETURNING ${WITH_DRAFT}`,
    [replacement.appId, replacement.workspaceId, replacement.name, JSON.stringify(replacement.draft), replacement.etag, replacement.now, replacement.userId, ifMatch, slug],
  );
  return rows[0] && withDraft(rows[0]);
}

/** Replaces the draft of an app the caller has locked (restoring a version). */
export async function overwriteDraft(tx: Queryable, replacement: DraftReplacement): Promise<AppWithDraft> {
  const { rows } = await tx.query<AppRow>(
    `UPDATE apps SET name = $3, draft = $4, draft_etag = $5, draft_updated_at = $6, draft_updated_by = $7
     WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL
     RETURNING ${WITH_DRAFT}`,
    [replacement.appId, replacement.workspaceId, replacement.name, JSON.stringify(replacement.draft), replacement.etag, replacement.now, replacement.userId],
  );
  if (!rows[0]) throw new Error(`overwriteDraft: app ${replacement.appId} vanished while locked.`);
  return withDraft(rows[0]);
}

/** Soft delete; undefined when there is no live app with this id in the workspace. */
export async function markDeleted(tx: Queryable, workspaceId: string, appId: string, userId: string, now: Date): Promise<AppRecord | undefined> {
  const { rows } = await tx.query<AppRow>(
    `UPDATE apps SET deleted_at = $3, deleted_by = $4 WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
    [appId, workspaceId, now, userId],
  );
  return rows[0] && toAppRecord(rows[0]);
}

/** Undoes a soft delete of an app the caller has found (and locked) as deleted. */
export async function markRestored(tx: Queryable, workspaceId: string, appId: string): Promise<AppRecord> {
  const { rows } = await tx.query<AppRow>(
    `UPDATE apps SET deleted_at = NULL, deleted_by = NULL WHERE id = $1 AND workspace_id = $2 RETURNING ${COLUMNS}`,
    [appId, workspaceId],
  );
  if (!rows[0]) throw new Error(`markRestored: app ${appId} vanished while locked.`);
  return toAppRecord(rows[0]);
}

/** Whether an app that is not deleted holds `slug` in the workspace. */
export async function slugInUse(db: Queryable, workspaceId: string, slug: string): Promise<boolean> {
  const { rows } = await db.query<{ used: boolean }>("SELECT EXISTS (SELECT 1 FROM apps WHERE workspace_id = $1 AND slug = $2 AND deleted_at IS NULL) AS used", [workspaceId, slug]);
  return rows[0]?.used === true;
}

/** Whether `error` is PostgreSQL's unique_violation (two writers raced for one slug). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
