import type { Express } from "express";
import { defineRoute } from "../../http/policy/define-route.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { signedIn } from "../auth/auth.routes.js";
import { appIdOf, appNotFound, versionNotFound, versionNumberOf } from "./app-path-params.js";
import { findApp } from "./app-records.js";
import { readNoteBody, requireNoBody } from "./app-request-body.js";
import { findVersion, listVersions } from "./app-version-records.js";
import { publishRequestView, versionSummaryView, versionView } from "./app-views.js";
import { sendDraft, type AppRouteDependencies } from "./apps.routes.js";
import { changeActorOf } from "./change-actor.js";
import { ifMatchOf } from "./draft-etag.js";
import { publishDraft, restoreVersion } from "./publishing-service.js";

/** Publishing and the immutable versions: /api/v1/apps/:id/publish and /api/v1/apps/:id/versions…. */
export function mountAppVersionRoutes(app: Express, { database, now }: AppRouteDependencies): void {
  defineRoute(app, routePolicies.publishApp, async (req, res) => {
    const appId = appIdOf(req);
    const note = readNoteBody(req.body);
    const outcome = await publishDraft(database, changeActorOf(req, now), appId, note, ifMatchOf(req));
    res.setHeader("Cache-Control", "no-store");
    if (outcome.kind === "published") {
      res.setHeader("Location", `/api/v1/apps/${appId}/versions/${outcome.version.number}`);
      res.status(201).json({ published: true, version: versionSummaryView(outcome.version) });
    } else {
      // Four eyes: nothing is published until someone else approves.
      res.setHeader("Location", `/api/v1/apps/${appId}/publish-requests/${outcome.request.id}`);
      res.status(202).json({ published: false, publishRequest: publishRequestView(outcome.request) });
    }
  });

  defineRoute(app, routePolicies.listAppVersions, async (req, res) => {
    const appId = appIdOf(req);
    if (!(await findApp(database, signedIn(req).workspaceId, appId))) throw appNotFound();
    res.setHeader("Cache-Control", "no-store");
    res.json({ versions: (await listVersions(database, appId)).map(versionSummaryView) });
  });

  defineRoute(app, routePolicies.getAppVersion, async (req, res) => {
    const appId = appIdOf(req);
    const number = versionNumberOf(req);
    if (!(await findApp(database, signedIn(req).workspaceId, appId))) throw appNotFound();
    const version = await findVersion(database, appId, number);
    if (!version) throw versionNotFound();
    // A published version never changes: its hash is a strong validator.
    res.setHeader("ETag", `"${version.definitionHash}"`);
    res.setHeader("Cache-Control", "private, no-cache");
    res.json(versionView(version));
  });

  defineRoute(app, routePolicies.restoreAppVersion, async (req, res) => {
    const appId = appIdOf(req);
    const number = versionNumberOf(req);
    requireNoBody(req.body);
    sendDraft(res, await restoreVersion(database, changeActorOf(req, now), appId, number, ifMatchOf(req)));
  });
}
