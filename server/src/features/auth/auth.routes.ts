import type { Express } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { requestIdOf } from "../../http/middleware/request-id.js";
import { defineRoute } from "../../http/policy/define-route.js";
import { principalOf, type Principal } from "../../http/policy/request-principal.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { appendAudit } from "../audit/append-audit.js";
import { actorOf } from "../audit/audit-entry.js";
import type { AuthSettings } from "./auth-settings.js";
import { JsonFields } from "./json-fields.js";
import { attemptLogin } from "./login-service.js";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.js";
import { revokeSession } from "./session-store.js";

export interface AuthRouteDependencies {
  readonly database: Database;
  readonly auth: AuthSettings;
}

/** The same answer for every failed sign-in, whatever the reason (no user enumeration). */
const SIGN_IN_FAILED = "The username or password is wrong, or this account cannot sign in here.";

/** /api/v1/auth/login, /logout and /session. */
export function mountAuthRoutes(app: Express, { database, auth }: AuthRouteDependencies): void {
  defineRoute(app, routePolicies.login, async (req, res) => {
    const body = new JsonFields(req.body, ["workspace", "username", "password"]);
    const attempt = {
      workspace: body.string("workspace", { max: 63, optional: true }),
      username: body.string("username", { max: 200 }),
      password: body.string("password", { max: 1024 }),
    };
    body.done();
    const outcome = await attemptLogin(database, auth, { ...attempt, ip: req.ip ?? "unknown", requestId: requestIdOf(req) });
    if (outcome.kind === "throttled") {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      throw new HttpProblem(429, "Too many failed sign-ins", `Too many failed sign-in attempts for this account or from this address: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        headers: { "Retry-After": String(outcome.retryAfterSeconds) },
      });
    }
    if (outcome.kind === "failed") throw new HttpProblem(401, "Sign-in failed", SIGN_IN_FAILED);
    setSessionCookie(req, res, outcome.session.token, auth.sessionLifetime.absoluteMs);
    res.setHeader("Cache-Control", "no-store");
    res.json({
      user: outcome.user,
      workspace: outcome.workspace,
      roles: outcome.roles,
      csrfToken: outcome.session.csrfToken,
      expiresAt: outcome.session.expiresAt.toISOString(),
    });
  });

  defineRoute(app, routePolicies.logout, async (req, res) => {
    const principal = signedIn(req);
    if (principal.via !== "session") {
      throw new HttpProblem(400, "Not a session", "Signing out ends a browser session; to stop an API token, revoke it with DELETE /api/v1/tokens/{id}.");
    }
    const now = auth.now();
    await database.transaction(async (tx) => {
      if (await revokeSession(tx, principal.credentialId, now)) {
        await appendAudit(tx, { workspaceId: principal.workspaceId, actor: actorOf(principal), action: "auth.logout", target: `user:${principal.userId}`, requestId: requestIdOf(req), at: now });
      }
    });
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  defineRoute(app, routePolicies.currentSession, async (req, res) => {
    const principal = signedIn(req);
    const { rows } = await database.query<{ username: string; display_name: string; slug: string; name: string }>(
      "SELECT u.username, u.display_name, w.slug, w.name FROM users u, workspaces w WHERE u.id = $1 AND w.id = $2",
      [principal.userId, principal.workspaceId],
    );
    const row = rows[0];
    if (!row) throw new HttpProblem(401, "Not signed in", "You are not signed in (or your session has ended): sign in again.");
    res.setHeader("Cache-Control", "no-store");
    res.json({
      user: { id: principal.userId, username: row.username, displayName: row.display_name },
      workspace: { id: principal.workspaceId, slug: row.slug, name: row.name },
      roles: principal.roles,
      via: principal.via,
    });
  });
}

/** The principal of a route whose policy already required one. */
export function signedIn(req: Parameters<typeof principalOf>[0]): Principal {
  const principal = principalOf(req);
  if (!principal) throw new Error("No principal on a route that requires one: is the authentication middleware mounted?");
  return principal;
}
