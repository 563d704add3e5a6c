import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { appNotFound } from "./app-path-params.js";
import type { AppRecord, AppWithDraft, ChangeActor } from "./app-record.types.js";
import { findApp, insertApp, isUniqueViolation, markDeleted, markRestored, replaceDraftIfCurrent, slugInUse } from "./app-records.js";
import { auditAppChange } from "./audit-app-change.js";
import type { CheckedDefinition } from "./definition-check.js";
import { definitionHash } from "./definition-hash.js";
import { ifMatchRequired, newDraftEtag, staleDraft } from "./draft-etag.js";

/**
 * Creating apps, saving drafts, deleting and restoring: each one
 * transaction holding the change and its audit entry. Definitions arrive
 * already checked (definition-check.ts); nothing invalid gets here.
 */

function slugTaken(slug: string): HttpProblem {
  return new HttpProblem(409, "Slug in use", `Another app in this workspace already has the id '${slug}': change the definition's "id" (or delete the other app).`);
}

export interface CreateOptions {
  readonly requiresFourEyes: boolean;
  /** "app.imported" for POST /apps/import, with the migrations applied. */
  readonly imported?: { readonly migrated: readonly string[] } | undefined;
}

export async function createApp(db: Database, change: ChangeActor, definition: CheckedDefinition, options: CreateOptions): Promise<AppWithDraft> {
  try {
    return await db.transaction(async (tx) => {
      const app = await insertApp(tx, {
        workspaceId: change.workspaceId,
        slug: definition.slug,
        name: definition.name,
        draft: definition.document,
        etag: newDraftEtag(),
        requiresFourEyes: options.requiresFourEyes,
        userId: change.userId,
        now: change.now,
      });
      if (!app) throw slugTaken(definition.slug);
      const summary = { slug: app.slug, name: app.name, requiresFourEyes: app.requiresFourEyes, definitionHash: definitionHash(app.draft) };
      if (options.imported) await auditAppChange(tx, change, "app.imported", app.id, { ...summary, migrated: options.imported.migrated });
      else await auditAppChange(tx, change, "app.created", app.id, summary);
      return app;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(definition.slug);
    throw error;
  }
}

/**
 * PUT: replaces the draft when `ifMatch` names its current ETag. The
 * conditional UPDATE decides; only when it did not apply is the row read,
 * to answer 404, 422 (the id may not change) or 412 with the current ETag.
 * Without If-Match: 404 for an app that does not exist, else 428.
 */
export async function replaceDraft(db: Database, change: ChangeActor, appId: string, definition: CheckedDefinition, ifMatch: readonly string[] | undefined): Promise<AppWithDraft> {
  return db.transaction(async (tx) => {
    if (ifMatch === undefined) {
      if (!(await findApp(tx, change.workspaceId, appId))) throw appNotFound();
      throw ifMatchRequired();
    }
    const etag = newDraftEtag();
    const replacement = { workspaceId: change.workspaceId, appId, name: definition.name, draft: definition.document, etag, userId: change.userId, now: change.now };
    const updated = await replaceDraftIfCurrent(tx, replacement, ifMatch, definition.slug);
    if (updated) {
      await auditAppChange(tx, change, "app.updated", appId, { name: updated.name, etag, definitionHash: definitionHash(updated.draft) });
      return updated;
    }
    const current = await findApp(tx, change.workspaceId, appId);
    if (!current) throw appNotFound();
    if (!ifMatch.includes(current.etag)) throw staleDraft(current.etag);
    throw new HttpProblem(422, "Invalid app definition", `The app's id is '${current.slug}' and cannot change; nothing was saved. To copy the app under another id, export it and import the copy.`, {
      type: "https://finwright.dev/problems/invalid-definition",
      errors: [{ pointer: "/definition/id", code: "app.id-changed", message: `Keep "id": "${current.slug}".` }],
    });
  });
}

/** Soft delete (admins): the app disappears from lists and reads, its versions stay. */
export async function deleteApp(db: Database, change: ChangeActor, appId: string): Promise<AppRecord> {
  return db.transaction(async (tx) => {
    const deleted = await markDeleted(tx, change.workspaceId, appId, change.userId, change.now);
    if (!deleted) throw appNotFound();
    await auditAppChange(tx, change, "app.deleted", appId, { slug: deleted.slug, name: deleted.name });
    return deleted;
  });
}

/** Undoes a soft delete, unless another app took the slug meanwhile (409). */
export async function restoreApp(db: Database, change: ChangeActor, appId: string): Promise<AppWithDraft> {
  try {
    return await db.transaction(async (tx) => {
      const app = await findApp(tx, change.workspaceId, appId, { deleted: true, lock: true });
      if (!app) throw new HttpProblem(404, "Deleted app not found", "There is no deleted app with this id in your workspace.");
      if (await slugInUse(tx, change.workspaceId, app.slug)) throw slugTaken(app.slug);
      await markRestored(tx, change.workspaceId, appId);
      await auditAppChange(tx, change, "app.restored", appId, { slug: app.slug, name: app.name });
      return { ...app, deletedAt: null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpProblem(409, "Slug in use", "Another app took this app's id while it was being restored: delete or rename that one first.");
    throw error;
  }
}
