import type { Express } from "express";
import { defineRoute } from "../../http/policy/define-route.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { signedIn } from "../auth/auth.routes.js";
import { appIdOf, appNotFound, publishRequestIdOf } from "./app-path-params.js";
import { findApp } from "./app-records.js";
import { requireNoBody } from "./app-request-body.js";
import { publishRequestView, versionSummaryView } from "./app-views.js";
import type { AppRouteDependencies } from "./apps.routes.js";
import { changeActorOf } from "./change-actor.js";
import { approvePublishRequest, rejectPublishRequest } from "./publishing-service.js";
import { listPublishRequests } from "./publish-request-records.js";

/** Roles that may decide on someone else's publish request (the policy table lets the requester's roles withdraw). */
const DECIDERS = ["builder", "admin"];

/** Four-eyes publishing: /api/v1/apps/:id/publish-requests…. */
export function mountPublishRequestRoutes(app: Express, { database, now }: AppRouteDependencies): void {
  defineRoute(app, routePolicies.listPublishRequests, async (req, res) => {
    const appId = appIdOf(req);
    if (!(await findApp(database, signedIn(req).workspaceId, appId))) throw appNotFound();
    res.setHeader("Cache-Control", "no-store");
    res.json({ publishRequests: (await listPublishRequests(database, appId)).map(publishRequestView) });
  });

  defineRoute(app, routePolicies.approvePublishRequest, async (req, res) => {
    const appId = appIdOf(req);
    const requestId = publishRequestIdOf(req);
    requireNoBody(req.body);
    const { request, version } = await approvePublishRequest(database, changeActorOf(req, now), appId, requestId);
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Location", `/api/v1/apps/${appId}/versions/${version.number}`);
    res.status(201).json({ published: true, version: versionSummaryView(version), publishRequest: publishRequestView(request) });
  });

  defineRoute(app, routePolicies.rejectPublishRequest, async (req, res) => {
    const appId = appIdOf(req);
    const requestId = publishRequestIdOf(req);
    requireNoBody(req.body);
    const mayDecideOthers = signedIn(req).roles.some((role) => DECIDERS.includes(role));
    const request = await rejectPublishRequest(database, changeActorOf(req, now), appId, requestId, mayDecideOthers);
    res.setHeader("Cache-Control", "no-store");
    res.json({ publishRequest: publishRequestView(request) });
  });
}
