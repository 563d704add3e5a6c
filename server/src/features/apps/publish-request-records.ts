import type { Queryable } from "../../db/database.types.js";

/** SQL of `publish_requests` (four-eyes publishing). */

export type PublishRequestStatus = "pending" | "approved" | "rejected";

export interface PublishRequest {
  readonly id: string;
  readonly appId: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly note: string;
  readonly definitionHash: string;
  readonly status: PublishRequestStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly versionNumber: number | null;
}

interface RequestRow {
  id: string;
  app_id: string;
  requested_by: string;
  requested_at: Date;
  note: string;
  definition_hash: string;
  status: PublishRequestStatus;
  decided_by: string | null;
  decided_at: Date | null;
  version_number: number | null;
}

const COLUMNS = "id, app_id, requested_by, requested_at, note, definition_hash, status, decided_by, decided_at, version_number";

function toRequest(row: RequestRow): PublishRequest {
  return {
    id: row.id,
    appId: row.app_id,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    note: row.note,
    definitionHash: row.definition_hash,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    versionNumber: row.version_number,
  };
}

export interface NewPublishRequest {
  readonly appId: string;
  readonly requestedBy: string;
  readonly note: string;
  readonly definitionHash: string;
  readonly now: Date;
}

/** Undefined when the app already has a pending request (one at a time). */
export async function insertPublishRequest(tx: Queryable, request: NewPublishRequest): Promise<PublishRequest | undefined> {
  const { rows } = await tx.query<RequestRow>(
    `INSERT INTO publish_requests (app_id, requested_by, requested_at, note, definition_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (app_id) WHERE status = 'pending' DO NOTHING
     RETURNING ${COLUMNS}`,
    [request.appId, request.requestedBy, request.now, request.note, request.definitionHash],
  );
  return rows[0] && toRequest(rows[0]);
}

export async function findPublishRequest(db: Queryable, appId: string, requestId: string, lock = false): Promise<PublishRequest | undefined> {
  const { rows } = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM publish_requests WHERE id = $1 AND app_id = $2${lock ? " FOR UPDATE" : ""}`, [requestId, appId]);
  return rows[0] && toRequest(rows[0]);
}

/** The requests of an app, newest first. */
export async function listPublishRequests(db: Queryable, appId: string): Promise<PublishRequest[]> {
  const { rows } = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM publish_requests WHERE app_id = $1 ORDER BY requested_at DESC, id`, [appId]);
  return rows.map(toRequest);
}

export interface Decision {
  readonly status: "approved" | "rejected";
  readonly decidedBy: string;
  readonly now: Date;
  readonly versionNumber: number | null;
}

/** Records the decision on a pending request the caller has locked. */
export async function decidePublishRequest(tx: Queryable, requestId: string, decision: Decision): Promise<PublishRequest> {
  const { rows } = await tx.query<RequestRow>(
    `UPDATE publish_requests SET status = $2, decided_by = $3, decided_at = $4, version_number = $5 WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [requestId, decision.status, decision.decidedBy, decision.now, decision.versionNumber],
  );
  if (!rows[0]) throw new Error(`decidePublishRequest: request ${requestId} is no longer pending although locked.`);
  return toRequest(rows[0]);
}
