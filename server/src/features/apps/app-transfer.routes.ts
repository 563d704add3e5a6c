import type { Express } from "express";
import { HttpProblem } from "../../http/errors/problem.js";
import { defineRoute } from "../../http/policy/define-route.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { signedIn } from "../auth/auth.routes.js";
import { appIdOf, appNotFound, versionNotFound } from "./app-path-params.js";
import { findApp } from "./app-records.js";
import { findVersion } from "./app-version-records.js";
import { createApp } from "./app-service.js";
import { sendDraft, type AppRouteDependencies } from "./apps.routes.js";
import { changeActorOf } from "./change-actor.js";
import { migrateAndCheckDefinition } from "./definition-check.js";

/**
 * Moving apps between installations as files: export answers the
 * definition itself as a JSON download; import takes such a file (migrated
 * when written for an older Finwright, then validated) as a new app.
 */
export function mountAppTransferRoutes(app: Express, { database, now }: AppRouteDependencies): void {
  defineRoute(app, routePolicies.exportApp, async (req, res) => {
    const appId = appIdOf(req);
    const version = readVersionQuery(req.query);
    const found = await findApp(database, signedIn(req).workspaceId, appId);
    if (!found) throw appNotFound();
    let definition = found.draft;
    if (version !== undefined) {
      const published = await findVersion(database, appId, version);
      if (!published) throw versionNotFound();
      definition = published.definition;
    }
    const fileName = version === undefined ? `${found.slug}.json` : `${found.slug}-v${version}.json`;
    res.setHeader("Content-Disposition", `attachment; filename="${fileName}"`); // the slug is [a-z0-9-] only
    res.setHeader("Cache-Control", "no-store");
    res.type("application/json").send(`${JSON.stringify(definition, null, 2)}\n`);
  });

  defineRoute(app, routePolicies.importApp, async (req, res) => {
    if (req.body === undefined) throw new HttpProblem(400, "Invalid request body", "Send the exported app definition (a JSON file) as the request body.");
    const definition = migrateAndCheckDefinition(req.body);
    const created = await createApp(database, changeActorOf(req, now), definition, { requiresFourEyes: false, imported: { migrated: definition.migrated } });
    res.setHeader("Location", `/api/v1/apps/${created.id}`);
    sendDraft(res, created, 201);
  });
}

/** GET …/export?version=n exports a published version; without it, the draft. */
function readVersionQuery(query: Record<string, unknown>): number | undefined {
  const unknown = Object.keys(query).filter((name) => name !== "version");
  if (unknown.length > 0) throw new HttpProblem(400, "Invalid query", `Unknown query parameter '${unknown[0]!.slice(0, 40)}': use version.`);
  const value = query["version"];
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^[1-9]\d{0,8}$/.test(value)) return Number(value);
  throw new HttpProblem(400, "Invalid query", "'version' must be a published version's number, e.g. 3.");
}
