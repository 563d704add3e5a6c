import type { Database, Queryable } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { appNotFound, publishRequestNotFound, versionNotFound } from "./app-path-params.js";
import type { AppWithDraft, ChangeActor } from "./app-record.types.js";
import { findApp, overwriteDraft } from "./app-records.js";
import { findVersion, insertNextVersion, type AppVersionSummary } from "./app-version-records.js";
import { auditAppChange } from "./audit-app-change.js";
import { definitionHash } from "./definition-hash.js";
import { newDraftEtag, staleDraft } from "./draft-etag.js";
import { decidePublishRequest, findPublishRequest, insertPublishRequest, type PublishRequest } from "./publish-request-records.js";

/**
 * Publishing (directly, or through a four-eyes request and its approval)
 * and restoring a version into the draft. Each runs in one transaction that
 * first locks the app's row: publications of one app take turns, so version
 * numbers never collide, and the draft cannot change under a publication.
 */

export type PublishOutcome =
  | { readonly kind: "published"; readonly version: AppVersionSummary }
  | { readonly kind: "requested"; readonly request: PublishRequest };

/** Locks the live app, and checks the optional If-Match against its draft. */
async function lockApp(tx: Queryable, change: ChangeActor, appId: string, ifMatch?: readonly string[]): Promise<AppWithDraft> {
  const app = await findApp(tx, change.workspaceId, appId, { lock: true });
  if (!app) throw appNotFound();
  if (ifMatch !== undefined && !ifMatch.includes(app.etag)) throw staleDraft(app.etag);
  return app;
}

/**
 * Publishes the draft as the next version, or, for an app that requires
 * four eyes, files a publish request that someone else must approve.
 */
export async function publishDraft(db: Database, change: ChangeActor, appId: string, note: string, ifMatch?: readonly string[]): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const app = await lockApp(tx, change, appId, ifMatch);
    const hash = definitionHash(app.draft);
    if (app.requiresFourEyes) {
      const request = await insertPublishRequest(tx, { appId, requestedBy: change.userId, note, definitionHash: hash, now: change.now });
      if (!request) throw new HttpProblem(409, "A publish request is pending", "This app already has a pending publish request: have it approved or rejected first.");
      await auditAppChange(tx, change, "app.publish_requested", appId, { requestId: request.id, definitionHash: hash, note });
      return { kind: "requested", request };
    }
    const version = await insertNextVersion(tx, { appId, definition: app.draft, definitionHash: hash, note, publishedBy: change.userId, approvedBy: null, now: change.now });
    await auditAppChange(tx, change, "app.published", appId, { version: version.number, definitionHash: hash, note });
    return { kind: "published", version };
  });
}

/**
 * Approves a pending request: publishes the draft it was filed for. The
 * requester can never approve their own (403); a draft changed since the
 * request is not what was asked for (409: reject it and request again).
 */
export async function approvePublishRequest(db: Database, change: ChangeActor, appId: string, requestId: string): Promise<{ request: PublishRequest; version: AppVersionSummary }> {
  return db.transaction(async (tx) => {
    const app = await lockApp(tx, change, appId);
    const request = await findPendingRequest(tx, appId, requestId);
    if (request.requestedBy === change.userId) {
      throw new HttpProblem(403, "Cannot approve your own request", "Four-eyes publishing: another builder or admin must approve this request.");
    }
    const hash = definitionHash(app.draft);
    if (hash !== request.definitionHash) {
      throw new HttpProblem(409, "The draft has changed", "The draft was changed after this publish request was filed, so approving it would publish something else: reject it and request again.");
    }
    const version = await insertNextVersion(tx, { appId, definition: app.draft, definitionHash: hash, note: request.note, publishedBy: request.requestedBy, approvedBy: change.userId, now: change.now });
    const decided = await decidePublishRequest(tx, requestId, { status: "approved", decidedBy: change.userId, now: change.now, versionNumber: version.number });
    await auditAppChange(tx, change, "app.publish_approved", appId, { requestId, version: version.number, definitionHash: hash, requestedBy: request.requestedBy });
    return { request: decided, version };
  });
}

/** Rejects a pending request (or, by its requester, withdraws it). */
export async function rejectPublishRequest(db: Database, change: ChangeActor, appId: string, requestId: string, mayDecideOthers: boolean): Promise<PublishRequest> {
  return db.transaction(async (tx) => {
    await lockApp(tx, change, appId);
    const request = await findPendingRequest(tx, appId, requestId);
    if (request.requestedBy !== change.userId && !mayDecideOthers) {
      throw new HttpProblem(403, "Forbidden", "Only a builder or an admin can reject another person's publish request; you can withdraw your own.");
    }
    const decided = await decidePublishRequest(tx, requestId, { status: "rejected", decidedBy: change.userId, now: change.now, versionNumber: null });
    await auditAppChange(tx, change, "app.publish_rejected", appId, { requestId, withdrawn: request.requestedBy === change.userId });
    return decided;
  });
}

async function findPendingRequest(tx: Queryable, appId: string, requestId: string): Promise<PublishRequest> {
  const request = await findPublishRequest(tx, appId, requestId, true);
  if (!request) throw publishRequestNotFound();
  if (request.status !== "pending") throw new HttpProblem(409, "Already decided", `This publish request was ${request.status} already.`);
  return request;
}

/** Copies a version's definition into the draft, with a new ETag (the version itself stays as it is). */
export async function restoreVersion(db: Database, change: ChangeActor, appId: string, number: number, ifMatch?: readonly string[]): Promise<AppWithDraft> {
  return db.transaction(async (tx) => {
    await lockApp(tx, change, appId, ifMatch);
    const version = await findVersion(tx, appId, number);
    if (!version) throw versionNotFound();
    const etag = newDraftEtag();
    const name = typeof version.definition["name"] === "string" ? version.definition["name"] : "";
    const restored = await overwriteDraft(tx, { workspaceId: change.workspaceId, appId, name, draft: version.definition, etag, userId: change.userId, now: change.now });
    await auditAppChange(tx, change, "app.version_restored", appId, { version: number, etag, definitionHash: version.definitionHash });
    return restored;
  });
}
