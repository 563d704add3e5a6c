import type { Express } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { requestIdOf } from "../../http/middleware/request-id.js";
import { defineRoute } from "../../http/policy/define-route.js";
import type { Principal } from "../../http/policy/request-principal.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { appendAudit } from "../audit/append-audit.js";
import { actorOf } from "../audit/audit-entry.js";
import { ROLE_NAME, isUuid } from "../workspaces/identity-error.js";
import { insertApiToken, listApiTokens, revokeApiToken } from "./api-token-store.js";
import type { AuthSettings } from "./auth-settings.js";
import { signedIn } from "./auth.routes.js";
import { JsonFields } from "./json-fields.js";

export interface ApiTokenRouteDependencies {
  readonly database: Database;
  readonly auth: AuthSettings;
}

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;
const DAY_MS = 24 * 60 * 60_000;

/** Admins manage every token of their workspace; everyone else only their own. */
function ownerScope(principal: Principal): string | undefined {
  return principal.roles.includes("admin") ? undefined : principal.userId;
}

/** /api/v1/tokens: create (secret shown once), list (never the secret), revoke. */
export function mountApiTokenRoutes(app: Express, { database, auth }: ApiTokenRouteDependencies): void {
  defineRoute(app, routePolicies.createApiToken, async (req, res) => {
    const principal = signedIn(req);
    const body = new JsonFields(req.body, ["name", "roles", "expiresInDays"]);
    const name = body.string("name", { max: 200 }).trim();
    const roles = [...new Set(body.strings("roles", { max: 63, maxItems: 20 }))];
    const days = body.integer("expiresInDays", { min: 1, max: MAX_TOKEN_DAYS }) ?? DEFAULT_TOKEN_DAYS;
    body.done();
    if (name === "") throw new HttpProblem(400, "Invalid request body", "'name' must not be blank.", { errors: [{ pointer: "/name", code: "field.string", message: "'name' must not be blank." }] });
    const notHeld = roles.filter((role) => !ROLE_NAME.test(role) || !principal.roles.includes(role));
    if (notHeld.length > 0) {
      // Z4: a token never carries more than its creator holds.
      throw new HttpProblem(403, "Roles not held", `A token can only carry roles you hold in this workspace (${principal.roles.join(", ")}); not: ${notHeld.join(", ")}.`);
    }
    const now = auth.now();
    const created = await database.transaction(async (tx) => {
      const token = await insertApiToken(tx, { workspaceId: principal.workspaceId, userId: principal.userId, name, roles, expiresAt: new Date(now.getTime() + days * DAY_MS), now });
      await appendAudit(tx, {
        workspaceId: principal.workspaceId,
        actor: actorOf(principal),
        action: "token.created",
        target: `token:${token.view.id}`,
        requestId: requestIdOf(req),
        summary: { name, roles, expiresAt: token.view.expiresAt, userId: principal.userId },
        at: now,
      });
      return token;
    });
    res.setHeader("Cache-Control", "no-store");
    res.status(201).json({ ...created.view, token: created.secret });
  });

  defineRoute(app, routePolicies.listApiTokens, async (req, res) => {
    const principal = signedIn(req);
    res.setHeader("Cache-Control", "no-store");
    res.json({ tokens: await listApiTokens(database, principal.workspaceId, ownerScope(principal)) });
  });

  defineRoute(app, routePolicies.revokeApiToken, async (req, res) => {
    const principal = signedIn(req);
    const tokenId = String(req.params["id"]);
    const notFound = new HttpProblem(404, "Token not found", `There is no API token '${tokenId.slice(0, 64)}' that you can revoke in this workspace.`);
    if (!isUuid(tokenId)) throw notFound;
    const now = auth.now();
    const outcome = await database.transaction(async (tx) => {
      const result = await revokeApiToken(tx, principal.workspaceId, tokenId.toLowerCase(), ownerScope(principal), now);
      if (result === "revoked") {
        await appendAudit(tx, { workspaceId: principal.workspaceId, actor: actorOf(principal), action: "token.revoked", target: `token:${tokenId.toLowerCase()}`, requestId: requestIdOf(req), at: now });
      }
      return result;
    });
    if (outcome === "missing") throw notFound; // also for another workspace's token (Z2)
    res.status(204).end();
  });
}
