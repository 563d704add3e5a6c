import type { Queryable } from "../../db/database.types.js";

/** SQL of `app_versions`: insert and read only, the table's trigger refuses UPDATE and DELETE. */

export interface AppVersionSummary {
  readonly number: number;
  readonly definitionHash: string;
  readonly note: string;
  readonly publishedBy: string;
  readonly publishedAt: Date;
  /** With four-eyes publishing: who approved it. */
  readonly approvedBy: string | null;
}

export interface AppVersion extends AppVersionSummary {
  readonly definition: Record<string, unknown>;
}

interface VersionRow {
  number: number;
  definition_hash: string;
  note: string;
  published_by: string;
  published_at: Date;
  approved_by: string | null;
  definition?: Record<string, unknown>;
}

const SUMMARY_COLUMNS = "number, definition_hash, note, published_by, published_at, approved_by";

function toSummary(row: VersionRow): AppVersionSummary {
  return { number: row.number, definitionHash: row.definition_hash, note: row.note, publishedBy: row.published_by, publishedAt: row.published_at, approvedBy: row.approved_by };
}

export interface NewVersion {
  readonly appId: string;
  readonly definition: Record<string, unknown>;
  readonly definitionHash: string;
  readonly note: string;
  readonly publishedBy: string;
  readonly approvedBy: string | null;
  readonly now: Date;
}

/**
 * Adds the next numbered version. The caller holds the app's row lock
 * (findApp with lock), so two publications of one app take turns and
 * never compute the same number.
 */
export async function insertNextVersion(tx: Queryable, version: NewVersion): Promise<AppVersionSummary> {
  const { rows } = await tx.query<VersionRow>(
    `INSERT INTO app_versions (app_id, number, definition, definition_hash, note, published_by, published_at, approved_by)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM app_versions WHERE app_id = $1), $2, $3, $4, $5, $6, $7)
     RETURNING ${SUMMARY_COLUMNS}`,
    [version.appId, JSON.stringify(version.definition), version.definitionHash, version.note, version.publishedBy, version.now, version.approvedBy],
  );
  return toSummary(rows[0]!);
}

/** The versions of an app, newest first (the app's workspace is checked by the caller). */
export async function listVersions(db: Queryable, appId: string): Promise<AppVersionSummary[]> {
  const { rows } = await db.query<VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM app_versions WHERE app_id = $1 ORDER BY number DESC`, [appId]);
  return rows.map(toSummary);
}

export async function findVersion(db: Queryable, appId: string, number: number): Promise<AppVersion | undefined> {
  const { rows } = await db.query<VersionRow>(`SELECT ${SUMMARY_COLUMNS}, definition FROM app_versions WHERE app_id = $1 AND number = $2`, [appId, number]);
  const row = rows[0];
  return row && { ...toSummary(row), definition: row.definition ?? {} };
}
