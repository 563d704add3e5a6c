import type { Express, Request, Response } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { defineRoute } from "../../http/policy/define-route.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { signedIn } from "../auth/auth.routes.js";
import { encodeCursor, readAppListQuery } from "./app-list-query.js";
import { appIdOf, appNotFound } from "./app-path-params.js";
import type { AppWithDraft } from "./app-record.types.js";
import { findApp } from "./app-records.js";
import { readCreateBody, readDraftBody, requireNoBody } from "./app-request-body.js";
import { createApp, deleteApp, replaceDraft, restoreApp } from "./app-service.js";
import { appDraftView, appSummaryView } from "./app-views.js";
import { changeActorOf } from "./change-actor.js";
import { checkDefinition } from "./definition-check.js";
import { etagHeader, ifMatchOf } from "./draft-etag.js";
import { listApps } from "./list-apps.js";

export interface AppRouteDependencies {
  readonly database: Database;
  /** The server's clock (tests inject one). */
  readonly now: () => Date;
}

/** Answers with an app and its draft, the draft's ETag in the header too. */
export function sendDraft(res: Response, app: AppWithDraft, status = 200): void {
  res.setHeader("ETag", etagHeader(app.etag));
  res.setHeader("Cache-Control", "private, no-cache");
  res.status(status).json(appDraftView(app));
}

/** /api/v1/apps and /api/v1/apps/:id: list, create, read, save the draft, delete, restore. */
export function mountAppRoutes(app: Express, { database, now }: AppRouteDependencies): void {
  defineRoute(app, routePolicies.listApps, async (req, res) => {
    const query = readAppListQuery(req);
    const principal = signedIn(req);
    if (query.deleted && !principal.roles.includes("admin")) {
      throw new HttpProblem(403, "Forbidden", "Only admins can list deleted apps.");
    }
    const page = await listApps(database, { workspaceId: principal.workspaceId, ...query });
    res.setHeader("Cache-Control", "no-store");
    res.json({ apps: page.apps.map(appSummaryView), nextCursor: page.nextCursor && encodeCursor(page.nextCursor) });
  });

  defineRoute(app, routePolicies.createApp, async (req, res) => {
    const body = readCreateBody(req.body);
    const definition = checkDefinition(body.definition, "/definition");
    const created = await createApp(database, changeActorOf(req, now), definition, { requiresFourEyes: body.requiresFourEyes });
    res.setHeader("Location", `/api/v1/apps/${created.id}`);
    sendDraft(res, created, 201);
  });

  defineRoute(app, routePolicies.getApp, async (req, res) => {
    const found = await findApp(database, signedIn(req).workspaceId, appIdOf(req));
    if (!found) throw appNotFound();
    if (ifNoneMatches(req, found.etag)) {
      res.setHeader("ETag", etagHeader(found.etag));
      res.status(304).end();
      return;
    }
    sendDraft(res, found);
  });

  defineRoute(app, routePolicies.replaceAppDraft, async (req, res) => {
    const appId = appIdOf(req);
    const ifMatch = ifMatchOf(req);
    const definition = checkDefinition(readDraftBody(req.body), "/definition");
    sendDraft(res, await replaceDraft(database, changeActorOf(req, now), appId, definition, ifMatch));
  });

  defineRoute(app, routePolicies.deleteApp, async (req, res) => {
    const appId = appIdOf(req);
    requireNoBody(req.body);
    await deleteApp(database, changeActorOf(req, now), appId);
    res.status(204).end();
  });

  defineRoute(app, routePolicies.restoreApp, async (req, res) => {
    const appId = appIdOf(req);
    requireNoBody(req.body);
    sendDraft(res, await restoreApp(database, changeActorOf(req, now), appId));
  });
}

/** If-None-Match: a client that already has this draft gets 304 (cheap polling by the editor). */
function ifNoneMatches(req: Request, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (header === undefined) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etagHeader(etag) || trimmed === `W/${etagHeader(etag)}`;
  });
}
