import type { Request, RequestHandler, Response } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../../http/errors/problem.js";
import { matchRoutePolicy } from "../../http/policy/match-route-policy.js";
import { setPrincipal } from "../../http/policy/request-principal.js";
import type { RoutePolicy } from "../../http/policy/route-policy.types.js";
import { findValidApiToken, isApiTokenShaped, touchApiToken } from "./api-token-store.js";
import { ACTIVITY_WRITE_INTERVAL_MS, type AuthSettings } from "./auth-settings.js";
import { RANDOM_TOKEN, sha256Hex, tokenMatchesHash } from "./secret-tokens.js";
import { clearSessionCookie, readCookie, sessionCookieName } from "./session-cookie.js";
import { findSession, revokeSession, sessionState, touchSession } from "./session-store.js";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Who is calling, for every request to a non-public route: an API token in
 * `Authorization: Bearer fw_…` (no CSRF: a browser never sends it on its
 * own), or the session cookie, which on unsafe methods also needs the
 * session's CSRF token in x-csrf-token. No credential: anonymous (the route's
 * access check answers 401). A credential that does not hold: 401 at once,
 * saying no more than "expired" or "not signed in". Public routes, and paths
 * no route serves (they get 404/405 anyway), skip all of it.
 */
export function authenticate(db: Database, settings: AuthSettings, policies: readonly RoutePolicy[]): RequestHandler {
  return async function authenticateHandler(req, res, next) {
    const policy = matchRoutePolicy(req.method, req.path, policies);
    if (policy === undefined || policy.access === "public") return next();
    const authorization = req.headers.authorization;
    if (authorization !== undefined) return authenticateToken(db, settings, req, authorization).then(() => next());
    const cookie = readCookie(req, sessionCookieName(req));
    if (cookie !== undefined) return authenticateSession(db, settings, req, res, cookie).then(() => next());
    next();
  };
}

async function authenticateToken(db: Database, settings: AuthSettings, req: Request, authorization: string): Promise<void> {
  const secret = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
  const now = settings.now();
  const token = secret !== undefined && isApiTokenShaped(secret) ? await findValidApiToken(db, secret, now) : undefined;
  if (!token) throw notSignedIn("The API token is not valid: it may be mistyped, expired or revoked.");
  if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) await touchApiToken(db, token.id, now);
  setPrincipal(req, { subject: token.id, userId: token.userId, workspaceId: token.workspaceId, roles: token.roles, via: "token", credentialId: token.id });
}

async function authenticateSession(db: Database, settings: AuthSettings, req: Request, res: Response, cookie: string): Promise<void> {
  const now = settings.now();
  const sessionId = RANDOM_TOKEN.test(cookie) ? sha256Hex(cookie) : undefined;
  const session = sessionId === undefined ? undefined : await findSession(db, sessionId);
  const state = session ? sessionState(session, now, settings.sessionLifetime) : "invalid";
  if (!session || state !== "valid") {
    clearSessionCookie(req, res);
    if (state === "expired" && session) {
      await revokeSession(db, session.id, now); // ended server-side too, whatever the clock does next
      throw new HttpProblem(401, "Session expired", "Your session has expired: sign in again.", { headers: { "WWW-Authenticate": 'Bearer realm="finwright"' } });
    }
    throw notSignedIn("You are not signed in (or your session has ended): sign in again.");
  }
  if (UNSAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !tokenMatchesHash(sent, session.csrfTokenHash)) {
      throw new HttpProblem(403, "CSRF token missing or wrong", `Send the CSRF token returned at sign-in in the ${CSRF_HEADER} header.`);
    }
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) await touchSession(db, session.id, now);
  setPrincipal(req, { subject: session.userId, userId: session.userId, workspaceId: session.workspaceId, roles: session.roles ?? [], via: "session", credentialId: session.id });
}

function notSignedIn(detail: string): HttpProblem {
  return new HttpProblem(401, "Not signed in", detail, { headers: { "WWW-Authenticate": 'Bearer realm="finwright"' } });
}
