import type { Queryable } from "../../db/database.types.js";
import { appendAudit } from "../audit/append-audit.js";
import type { ChangeActor } from "./app-record.types.js";

/** The audit actions of apps: one per kind of change. */
export type AppAuditAction =
  | "app.created"
  | "app.imported"
  | "app.updated"
  | "app.published"
  | "app.publish_requested"
  | "app.publish_approved"
  | "app.publish_rejected"
  | "app.version_restored"
  | "app.deleted"
  | "app.restored";

/** Appends the audit entry of an app change: call it last inside the change's own transaction. */
export async function auditAppChange(tx: Queryable, change: ChangeActor, action: AppAuditAction, appId: string, summary: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, {
    workspaceId: change.workspaceId,
    actor: change.actor,
    action,
    target: `app:${appId}`,
    requestId: change.requestId,
    summary,
    at: change.now,
  });
}
